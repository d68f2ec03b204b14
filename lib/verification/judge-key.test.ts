import { describe, expect, it } from "vitest";
import { judgeKey } from "./judge-key";

const now = Date.parse("2025-01-01T12:00:00Z");

describe("judgeKey", () => {
  it("accepts a current key", () => {
    expect(judgeKey({ expiresAtMs: null, revokedAtMs: null }, now)).toEqual({
      accepted: true,
      status: "current",
    });
  });

  it("accepts a key in grace until the millisecond of its expiry", () => {
    expect(judgeKey({ expiresAtMs: now + 1, revokedAtMs: null }, now)).toEqual({
      accepted: true,
      status: "grace",
    });
    expect(judgeKey({ expiresAtMs: now, revokedAtMs: null }, now)).toEqual({
      accepted: false,
      reason: "expired",
      at: new Date(now),
    });
  });

  it("refuses a revoked key, even one whose grace would still run", () => {
    const judgement = judgeKey({ expiresAtMs: now + 60_000, revokedAtMs: now - 10 }, now);
    expect(judgement).toEqual({ accepted: false, reason: "revoked", at: new Date(now - 10) });
  });
});
