import type { ApiKey } from "@/db/api-keys";
import { maskKey } from "@/lib/keys/key-format";
import type { KeySummary, OldKeySummary } from "./rotation-result";

export function keySummary(key: ApiKey): KeySummary {
  return {
    id: key.id,
    type: key.type,
    maskedKey: maskKey(key.prefix, key.lastFour),
    prefix: key.prefix,
    lastFour: key.lastFour,
    createdAt: key.createdAt.toISOString(),
  };
}

/** A key that a rotation just replaced, with when it stops being accepted. */
export function oldKeySummary(key: ApiKey): OldKeySummary {
  if (!key.deprecatedAt || !key.expiresAt) throw new Error("the key was not replaced");
  return {
    ...keySummary(key),
    deprecatedAt: key.deprecatedAt.toISOString(),
    expiresAt: key.expiresAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
