/**
 * HTTP/1.1 over a bare socket: the bytes go out exactly as written, so a test can send what
 * fetch refuses to (newlines and raw UTF-8 in headers, dot segments, lying Content-Length,
 * methods no client sends). Loopback only.
 */
import net from "node:net";

export type RawRequest = {
  /** What kind of abuse this is, for the failure report. */
  kind: string;
  method: string;
  /** The request target, sent as is: no normalisation, no encoding. */
  target: string;
  headers: Array<[string, string | Buffer]>;
  body?: Buffer;
  /** Content-Length is added from the body unless a header of the request sets framing. */
  framing?: "content-length" | "none";
};

export type RawResponse = { status: number | null; error?: string };

const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})/;

export function encodeRequest(request: RawRequest, host: string): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`, `Host: ${host}`];
  const parts: Buffer[] = [];
  for (const [name, value] of request.headers) {
    parts.push(Buffer.from(`${name}: `, "latin1"), Buffer.from(value), Buffer.from("\r\n"));
  }
  const body = request.body ?? Buffer.alloc(0);
  if ((request.framing ?? "content-length") === "content-length") {
    lines.push(`Content-Length: ${body.length}`);
  }
  lines.push("Connection: close");
  const head = Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");
  return Buffer.concat([head, ...parts, Buffer.from("\r\n"), body]);
}

/** Sends one request and reads the status of its answer; null when none came. */
export function sendRaw(port: number, bytes: Buffer, timeoutMs = 15_000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const status = STATUS_LINE.exec(received)?.[1];
      resolve({ status: status ? Number(status) : null, ...(error ? { error } : {}) });
    };

    socket.setTimeout(timeoutMs, () => finish("timed out"));
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1", 0, Math.min(chunk.length, 64));
      // The status line is all this needs; the server may still be reading a large body.
      if (STATUS_LINE.test(received)) finish();
    });
    // A server that answers early (413, 431) may reset the socket while the body is still
    // going out; what it answered has arrived by then.
    socket.on("error", (error) => finish(error.message));
    socket.on("close", () => finish());
    socket.write(bytes);
  });
}
