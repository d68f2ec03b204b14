import { describe, expect, it } from "vitest";
import { cacheTtlMs, MAX_CACHE_TTL_MS } from "./cache-expiry";

const now = 1_000_000;

describe("cacheTtlMs", () => {
  it("keeps a current key for the full few seconds", () => {
    expect(cacheTtlMs(now, { expiresAtMs: null, revokedAtMs: null })).toBe(MAX_CACHE_TTL_MS);
  });

  it("never keeps a key in grace past its expiry", () => {
    expect(cacheTtlMs(now, { expiresAtMs: now + 1200, revokedAtMs: null })).toBe(1200);
    expect(cacheTtlMs(now, { expiresAtMs: now + 1, revokedAtMs: null })).toBe(1);
  });

  it("caps a long grace at the few seconds", () => {
    const day = 24 * 60 * 60 * 1000;
    expect(cacheTtlMs(now, { expiresAtMs: now + day, revokedAtMs: null })).toBe(MAX_CACHE_TTL_MS);
  });

  it("may keep final rejections (expired or revoked) for the full time", () => {
    expect(cacheTtlMs(now, { expiresAtMs: now - 1, revokedAtMs: null })).toBe(MAX_CACHE_TTL_MS);
    expect(cacheTtlMs(now, { expiresAtMs: now, revokedAtMs: null })).toBe(MAX_CACHE_TTL_MS);
    expect(cacheTtlMs(now, { expiresAtMs: null, revokedAtMs: now - 5 })).toBe(MAX_CACHE_TTL_MS);
  });

  it("honours a smaller maximum", () => {
    expect(cacheTtlMs(now, { expiresAtMs: null, revokedAtMs: null }, 50)).toBe(50);
    expect(cacheTtlMs(now, { expiresAtMs: now + 30, revokedAtMs: null }, 50)).toBe(30);
  });
});
