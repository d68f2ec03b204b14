import { LRUCache } from "lru-cache";
import { MAX_CACHE_TTL_MS } from "./cache-expiry";
import type { CachedKey } from "./cached-key";

const MAX_ENTRIES = 10_000;

/**
 * The in-process verification cache: bounded, keyed by the key's hash, entries living a few
 * seconds. A second index by key id lets an invalidation (which carries only the id) find
 * the entry to drop.
 */
export class KeyCache {
  private readonly entries: LRUCache<string, CachedKey>;
  private readonly hashesById = new Map<string, string>();
  // Bumped by every invalidation: a lookup that started before one must not store what it
  // read, since Postgres may have answered before the change committed.
  private generation = 0;

  constructor(maxEntries = MAX_ENTRIES) {
    this.entries = new LRUCache<string, CachedKey>({
      max: maxEntries,
      ttl: MAX_CACHE_TTL_MS,
      dispose: (entry, hash) => {
        if (this.hashesById.get(entry.keyId) === hash) this.hashesById.delete(entry.keyId);
      },
    });
  }

  get(hash: string): CachedKey | undefined {
    return this.entries.get(hash);
  }

  /** Taken before a Postgres lookup and handed back to `set`. */
  currentGeneration(): number {
    return this.generation;
  }

  set(hash: string, entry: CachedKey, ttlMs: number, lookupGeneration: number): void {
    if (lookupGeneration !== this.generation || ttlMs <= 0) return;
    this.entries.set(hash, entry, { ttl: ttlMs });
    this.hashesById.set(entry.keyId, hash);
  }

  dropKey(keyId: string): boolean {
    this.generation += 1;
    const hash = this.hashesById.get(keyId);
    return hash !== undefined && this.entries.delete(hash);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

// One cache per process, shared by every route bundle that verifies keys.
const globalForCache = globalThis as unknown as { rekeyKeyCache?: KeyCache };

export function getKeyCache(): KeyCache {
  globalForCache.rekeyKeyCache ??= new KeyCache();
  return globalForCache.rekeyKeyCache;
}
