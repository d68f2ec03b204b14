import { describe, expect, it } from "vitest";
import { UsageBuffer } from "./usage-buffer";

describe("UsageBuffer", () => {
  it("counts requests and keeps the latest use per key", () => {
    const buffer = new UsageBuffer();
    buffer.record("k1", "p", 100);
    buffer.record("k1", "p", 300);
    buffer.record("k1", "p", 200);
    buffer.record("k2", "p", 50);

    expect(buffer.take()).toEqual([
      { keyId: "k1", projectId: "p", count: 3, lastUsedAtMs: 300 },
      { keyId: "k2", projectId: "p", count: 1, lastUsedAtMs: 50 },
    ]);
    expect(buffer.size).toBe(0);
  });

  it("merges a batch that could not be pushed with newer counts", () => {
    const buffer = new UsageBuffer();
    buffer.record("k1", "p", 100);
    const failed = buffer.take();
    buffer.record("k1", "p", 400);
    buffer.putBack(failed);

    expect(buffer.take()).toEqual([{ keyId: "k1", projectId: "p", count: 2, lastUsedAtMs: 400 }]);
  });
});
