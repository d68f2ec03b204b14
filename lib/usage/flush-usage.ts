import type { Redis } from "ioredis";
import { writeKeyUsage } from "@/db/api-key-usage";
import type { Executor } from "@/db/client";
import { claimUsageFlush, readUsage } from "./usage-store";

export type UsedKey = { keyId: string; projectId: string };

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
  const claimed: UsedKey[] = [];
  for (const key of keys) {
    if (await claimUsageFlush(redis, key.keyId)) claimed.push(key);
  }
  if (claimed.length === 0) return 0;

  const live = await readUsage(
    redis,
    claimed.map((key) => key.keyId),
    nowMs,
  );
  let written = 0;
  for (const key of claimed) {
    const usage = live.get(key.keyId);
    const wrote = await writeKeyUsage(db, {
      ...key,
      lastUsedAt: usage?.lastUsedAtMs ? new Date(usage.lastUsedAtMs) : null,
      requestsLastHour: usage?.requestsLastHour ?? 0,
      flushedAt: new Date(nowMs),
    });
    if (wrote) written += 1;
  }
  return written;
}
