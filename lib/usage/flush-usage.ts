import type { Redis } from "ioredis";
import { writeKeyUsages } from "@/db/api-key-usage";
import type { Executor } from "@/db/client";
import { claimUsageFlushes, readUsage } from "./usage-store";

export type UsedKey = { keyId: string; projectId: string };

// A few round trips per chunk, whatever its size: per-key round trips could not keep up
// with thousands of distinct keys a minute, and the counts waiting for them piled up.
const CHUNK = 500;

/**
 * Copies the live usage of the keys this instance just saw into Postgres, for each key only
 * when no instance has done so in the last minute. Returns how many keys were written.
 */
export async function flushUsage(
  db: Executor,
  redis: Redis,
  keys: UsedKey[],
  nowMs: number,
): Promise<number> {
  let written = 0;
  for (let at = 0; at < keys.length; at += CHUNK) {
    written += await flushChunk(db, redis, keys.slice(at, at + CHUNK), nowMs);
  }
  return written;
}

async function flushChunk(db: Executor, redis: Redis, keys: UsedKey[], nowMs: number) {
  const mine = await claimUsageFlushes(
    redis,
    keys.map((key) => key.keyId),
  );
  const claimed = keys.filter((key) => mine.has(key.keyId));
  if (claimed.length === 0) return 0;

  const live = await readUsage(
    redis,
    claimed.map((key) => key.keyId),
    nowMs,
  );
  return writeKeyUsages(
    db,
    claimed.map((key) => {
      const usage = live.get(key.keyId);
      return {
        ...key,
        lastUsedAt: usage?.lastUsedAtMs ? new Date(usage.lastUsedAtMs) : null,
        requestsLastHour: usage?.requestsLastHour ?? 0,
        flushedAt: new Date(nowMs),
      };
    }),
  );
}
