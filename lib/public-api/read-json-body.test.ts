import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { MAX_BODY_BYTES, readJsonObject } from "./read-json-body";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/data/x", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

async function statusOf(request: Request): Promise<number> {
  try {
    await readJsonObject(request);
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

function stream(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(32));
    },
  });
}

describe("readJsonObject", () => {
  it("reads a JSON object", async () => {
    await expect(readJsonObject(post('{"a":[1,2]}'))).resolves.toEqual({ a: [1, 2] });
  });

  it("refuses what is not a JSON object with 400", async () => {
    for (const body of ["", "  ", "{", "[1]", "null", '"text"', "42"]) {
      expect(await statusOf(post(body))).toBe(400);
    }
    expect(await statusOf(post(new Uint8Array([0x7b, 0xff, 0x7d])))).toBe(400);
  });

  it("refuses a declared size over 1 MiB before reading", async () => {
    const request = post("{}", { "content-length": String(MAX_BODY_BYTES + 1) });
    expect(await statusOf(request)).toBe(413);
  });

  it("counts the bytes actually sent when no size is declared", async () => {
    expect(await statusOf(post(stream(MAX_BODY_BYTES + 1)))).toBe(413);
    expect(await statusOf(post(stream(MAX_BODY_BYTES)))).toBe(400);
  });
});
