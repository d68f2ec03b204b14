import { describe, expect, it } from "vitest";
import { invalidatedKeyId } from "./invalidation-subscriber";

describe("invalidatedKeyId", () => {
  it("reads the key id of a well-formed message", () => {
    const keyId = "0b5d3c2e-8a4f-4f8e-9a51-2f6f0c1d2e3f";
    expect(invalidatedKeyId(JSON.stringify({ keyId }))).toBe(keyId);
  });

  it("ignores anything else", () => {
    expect(invalidatedKeyId("not json")).toBeNull();
    expect(invalidatedKeyId(JSON.stringify({ keyId: "x" }))).toBeNull();
    expect(invalidatedKeyId(JSON.stringify(["a"]))).toBeNull();
  });
});
