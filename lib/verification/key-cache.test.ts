import { describe, expect, it } from "vitest";
import type { CachedKey } from "./cached-key";
import { KeyCache } from "./key-cache";

function entry(keyId: string): CachedKey {
  return {
    keyId,
    type: "publishable",
    prefix: "pk_live_",
    lastFour: "abcd",
    deprecatedAtMs: null,
    expiresAtMs: null,
    revokedAtMs: null,
    project: { id: "p", name: "P", jwtSecret: "s" },
  };
}

describe("KeyCache", () => {
  it("drops an entry by key id", () => {
    const cache = new KeyCache();
    cache.set("hash-a", entry("a"), 5000, cache.currentGeneration());
    cache.set("hash-b", entry("b"), 5000, cache.currentGeneration());

    expect(cache.dropKey("a")).toBe(true);
    expect(cache.get("hash-a")).toBeUndefined();
    expect(cache.get("hash-b")?.keyId).toBe("b");
    expect(cache.dropKey("a")).toBe(false);
  });

  it("does not store what a lookup read before an invalidation", () => {
    const cache = new KeyCache();
    const generation = cache.currentGeneration();
    cache.dropKey("a");

    cache.set("hash-a", entry("a"), 5000, generation);
    expect(cache.get("hash-a")).toBeUndefined();
  });

  it("stores nothing with no time left", () => {
    const cache = new KeyCache();
    cache.set("hash-a", entry("a"), 0, cache.currentGeneration());
    expect(cache.size).toBe(0);
  });

  it("forgets an entry when its time is up", async () => {
    const cache = new KeyCache();
    cache.set("hash-a", entry("a"), 30, cache.currentGeneration());
    expect(cache.get("hash-a")).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get("hash-a")).toBeUndefined();
  });

  it("stays bounded, evicting the least recently used and its id index", () => {
    const cache = new KeyCache(2);
    cache.set("hash-a", entry("a"), 5000, cache.currentGeneration());
    cache.set("hash-b", entry("b"), 5000, cache.currentGeneration());
    cache.get("hash-a");
    cache.set("hash-c", entry("c"), 5000, cache.currentGeneration());

    expect(cache.size).toBe(2);
    expect(cache.get("hash-b")).toBeUndefined();
    expect(cache.dropKey("b")).toBe(false);
  });
});
