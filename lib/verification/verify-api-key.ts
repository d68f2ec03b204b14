import { findKeyWithProjectByHash } from "@/db/api-keys";
import { type Executor, getDb } from "@/db/client";
import { hashesEqual, hashKey, parseKey } from "@/lib/keys/key-format";
import { cacheTtlMs } from "./cache-expiry";
import { type CachedKey, toCachedKey } from "./cached-key";
import { ensureInvalidationSubscription } from "./invalidation-subscriber";
import { judgeKey, type KeyStatus } from "./judge-key";
import { getKeyCache, type KeyCache } from "./key-cache";
import { type Rejection, rejection } from "./rejection";

/** `any`: reads and end-user auth; `secret`: anything that changes a project's data. */
export type KeyScope = "any" | "secret";

export type VerifiedKey = CachedKey & { status: KeyStatus };
export type Verification = { ok: true; key: VerifiedKey } | { ok: false; rejection: Rejection };

export type VerifyDependencies = { db: Executor; cache: KeyCache; now: () => number };

export const API_KEY_HEADER = "x-api-key";
const QUERY_KEY_NAMES = ["key", "apiKey", "api_key", "x-api-key"];

const inflightLookups = new Map<string, Promise<CachedKey | null>>();

function defaultDependencies(): VerifyDependencies {
  const cache = getKeyCache();
  ensureInvalidationSubscription(cache);
  return { db: getDb(), cache, now: Date.now };
}

function keyInUrl(url: URL): boolean {
  if (url.search.length === 0) return false;
  return QUERY_KEY_NAMES.some((name) => url.searchParams.has(name));
}

async function lookUp(hash: string, deps: VerifyDependencies): Promise<CachedKey | null> {
  const generation = deps.cache.currentGeneration();
  // A key whose project is gone is unknown, whatever the order of the deletes.
  const found = await findKeyWithProjectByHash(deps.db, hash);
  if (!found || !hashesEqual(found.key.hash, hash)) return null;

  const entry = toCachedKey(found.key, found.project);
  deps.cache.set(hash, entry, cacheTtlMs(deps.now(), entry), generation);
  return entry;
}

// Concurrent first requests with one key share a single Postgres lookup.
function lookUpOnce(hash: string, deps: VerifyDependencies): Promise<CachedKey | null> {
  const pending = inflightLookups.get(hash);
  if (pending) return pending;

  const lookup = lookUp(hash, deps).finally(() => inflightLookups.delete(hash));
  inflightLookups.set(hash, lookup);
  return lookup;
}

/**
 * Verifies the key a public API request carries: URL and header checks, format and checksum
 * (no lookup for a malformed key), then the in-process cache, then Postgres.
 */
export async function verifyApiKey(
  request: { headers: Headers; url: URL },
  scope: KeyScope,
  deps: VerifyDependencies = defaultDependencies(),
): Promise<Verification> {
  if (keyInUrl(request.url)) return { ok: false, rejection: rejection("key_in_url") };

  const candidate = request.headers.get(API_KEY_HEADER);
  if (!candidate) return { ok: false, rejection: rejection("missing") };
  if (!parseKey(candidate)) return { ok: false, rejection: rejection("malformed") };

  const hash = hashKey(candidate);
  const key = deps.cache.get(hash) ?? (await lookUpOnce(hash, deps));
  if (!key) return { ok: false, rejection: rejection("unknown") };

  const judgement = judgeKey(key, deps.now());
  if (!judgement.accepted) {
    return { ok: false, rejection: rejection(judgement.reason, judgement.at) };
  }
  if (scope === "secret" && key.type !== "secret") {
    return { ok: false, rejection: rejection("secret_key_required") };
  }
  return { ok: true, key: { ...key, status: judgement.status } };
}
