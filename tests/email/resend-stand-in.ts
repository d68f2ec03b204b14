import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
};

/** How the stand-in answers the n-th request (0-based). */
export type Reply =
  | { status: number; body: unknown }
  | { hang: true }
  | ((index: number) => { status: number; body: unknown } | { hang: true });

/**
 * A local HTTP server standing in for Resend's API, so the real SDK is exercised end to end:
 * it records every request and answers as the test says.
 */
export async function startResendStandIn(reply: Reply) {
  const requests: RecordedRequest[] = [];
  const hanging: ServerResponse[] = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const index = requests.length;
    requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"),
    });

    const answer = typeof reply === "function" ? reply(index) : reply;
    if ("hang" in answer) {
      hanging.push(res);
      return;
    }
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer.body));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const resendOk = (id: string) => ({ status: 200, body: { id } });
export const resendError = (statusCode: number, name: string, message: string) => ({
  status: statusCode,
  body: { statusCode, name, message },
});
