import type { ApiKey } from "@/db/api-keys";
import { KEY_TYPES, type KeyType } from "@/lib/keys/key-format";
import type { KeyUsage } from "@/lib/usage/get-key-usage";

/**
 * A key as the settings page may send it to the browser: never a hash, and the full value
 * only for a current publishable key, which is public by design. Times are ISO 8601 UTC.
 */
export type KeyView = {
  id: string;
  type: KeyType;
  prefix: string;
  lastFour: string;
  publicValue: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  requestsLastHour: number;
};

/** A replaced key that still works until `expiresAt`. */
export type GraceKeyView = KeyView & { expiresAt: string; deprecatedAt: string | null };

export type KeyPanelView = { type: KeyType; current: KeyView | null; inGrace: GraceKeyView[] };

function isCurrent(key: ApiKey): boolean {
  return key.expiresAt === null && key.revokedAt === null;
}

type ExpiringKey = ApiKey & { expiresAt: Date };

/** Still accepted by the API: replaced, not revoked, and its expiry still ahead. */
export function isInGrace(key: ApiKey, now: Date): key is ExpiringKey {
  return key.revokedAt === null && key.expiresAt !== null && key.expiresAt > now;
}

function keyView(key: ApiKey, usage: KeyUsage | undefined): KeyView {
  return {
    id: key.id,
    type: key.type,
    prefix: key.prefix,
    lastFour: key.lastFour,
    publicValue: key.type === "publishable" && isCurrent(key) ? key.publicValue : null,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: usage?.lastUsedAt?.toISOString() ?? null,
    requestsLastHour: usage?.requestsLastHour ?? 0,
  };
}

function graceKeyView(key: ExpiringKey, usage: KeyUsage | undefined): GraceKeyView {
  return {
    ...keyView(key, usage),
    expiresAt: key.expiresAt.toISOString(),
    deprecatedAt: key.deprecatedAt?.toISOString() ?? null,
  };
}

/**
 * The API keys panel, one entry per key type: the current key and, soonest to expire first,
 * the replaced keys still in their grace period. Revoked and expired keys are left out.
 */
export function buildKeyPanels(keys: ApiKey[], usage: KeyUsage[], now: Date): KeyPanelView[] {
  const usageById = new Map(usage.map((entry) => [entry.keyId, entry]));

  return KEY_TYPES.map((type) => {
    const ofType = keys.filter((key) => key.type === type);
    const current = ofType.find(isCurrent);
    const inGrace = ofType
      .filter((key) => isInGrace(key, now))
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())
      .map((key) => graceKeyView(key, usageById.get(key.id)));
    return {
      type,
      current: current ? keyView(current, usageById.get(current.id)) : null,
      inGrace,
    };
  });
}
