import type { Redis } from "ioredis";
import type { PendingUsage } from "./usage-buffer";

// Per key and minute, a counter; one sorted set holds each key's last use (ZADD GT keeps the
// latest whichever instance writes last). Buckets outlive the hour they are summed over.
const MINUTE_MS = 60_000;
const WINDOW_MINUTES = 60;
const BUCKET_TTL_SECONDS = (WINDOW_MINUTES + 5) * 60;
const LAST_USED_KEY = "rekey:usage:last-used";
const FLUSH_LOCK_SECONDS = 60;

export type LiveUsage = { lastUsedAtMs: number | null; requestsLastHour: number };

const bucketKey = (keyId: string, minute: number) => `rekey:usage:${keyId}:${minute}`;
const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS);

/** Adds a batch of in-memory counts to Redis in one round trip. */
export async function pushUsage(redis: Redis, batch: PendingUsage[]): Promise<void> {
  if (batch.length === 0) return;

  const pipeline = redis.pipeline();
  for (const usage of batch) {
    const bucket = bucketKey(usage.keyId, minuteOf(usage.lastUsedAtMs));
    pipeline.incrby(bucket, usage.count);
    pipeline.expire(bucket, BUCKET_TTL_SECONDS);
    pipeline.zadd(LAST_USED_KEY, "GT", usage.lastUsedAtMs, usage.keyId);
  }
  throwFirstError(await pipeline.exec());
}

// A pipeline reports failures per command instead of rejecting.
function throwFirstError(replies: [Error | null, unknown][] | null): void {
  if (!replies) throw new Error("redis pipeline was discarded");
  const failed = replies.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
}

/** Last use and requests over the last 60 minutes of each key, summed from its buckets. */
export async function readUsage(
  redis: Redis,
  keyIds: string[],
  nowMs: number,
): Promise<Map<string, LiveUsage>> {
  const result = new Map<string, LiveUsage>();
  if (keyIds.length === 0) return result;

  const current = minuteOf(nowMs);
  const pipeline = redis.pipeline();
  for (const keyId of keyIds) {
    const buckets = Array.from({ length: WINDOW_MINUTES }, (_, i) => bucketKey(keyId, current - i));
    pipeline.mget(buckets);
  }
  pipeline.zmscore(LAST_USED_KEY, ...keyIds);
  const replies = await pipeline.exec();
  throwFirstError(replies);

  const values = (replies ?? []).map(([, value]) => value as (string | null)[]);
  const lastUsed = values.at(-1) ?? [];
  keyIds.forEach((keyId, index) => {
    const counts = values[index] ?? [];
    const requestsLastHour = counts.reduce((sum, count) => sum + Number(count ?? 0), 0);
    const score = lastUsed[index];
    result.set(keyId, { lastUsedAtMs: score ? Number(score) : null, requestsLastHour });
  });
  return result;
}

/** The keys this instance may write to Postgres this minute: one instance gets each. */
export async function claimUsageFlushes(redis: Redis, keyIds: string[]): Promise<Set<string>> {
  const pipeline = redis.pipeline();
  for (const keyId of keyIds) {
    pipeline.set(`rekey:usage:${keyId}:flushed`, "1", "EX", FLUSH_LOCK_SECONDS, "NX");
  }
  const replies = await pipeline.exec();
  throwFirstError(replies);
  return new Set(keyIds.filter((_, index) => replies?.[index]?.[1] === "OK"));
}
