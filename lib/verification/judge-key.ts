import type { CachedKey } from "./cached-key";

export type KeyStatus = "current" | "grace";

export type Judgement =
  | { accepted: true; status: KeyStatus }
  | { accepted: false; reason: "revoked"; at: Date }
  | { accepted: false; reason: "expired"; at: Date };

/**
 * Decides whether a known key may be used at `nowMs`. Expiry is judged by the clock on every
 * request, whatever the cache or the cleanup job know.
 */
export function judgeKey(
  key: Pick<CachedKey, "expiresAtMs" | "revokedAtMs">,
  nowMs: number,
): Judgement {
  if (key.revokedAtMs !== null) {
    return { accepted: false, reason: "revoked", at: new Date(key.revokedAtMs) };
  }
  if (key.expiresAtMs === null) return { accepted: true, status: "current" };
  if (key.expiresAtMs <= nowMs) {
    return { accepted: false, reason: "expired", at: new Date(key.expiresAtMs) };
  }
  return { accepted: true, status: "grace" };
}
