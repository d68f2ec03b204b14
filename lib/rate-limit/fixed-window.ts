import { logger } from "@/lib/logger";
import { getReadyRedis } from "@/lib/redis";

const log = logger.child({ module: "rate-limit" });

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against `limit` per window of `windowSeconds` (the window starts at the
 * first attempt). Shared by every web instance through Redis. When Redis is away it lets the
 * attempt through: these limits slow down guessing, and must not lock owners out of an
 * emergency rotation during an outage.
 */
export async function consumeAttempt(
  bucket: string,
  limit: number,
  windowSeconds: number,
): Promise<LimitDecision> {
  const key = `rekey:rate:${bucket}`;
  try {
    const redis = await getReadyRedis();
    const replies = await redis.multi().incr(key).expire(key, windowSeconds, "NX").ttl(key).exec();
    const count = Number(replies?.[0]?.[1]);
    const ttl = Number(replies?.[2]?.[1]);
    if (!Number.isFinite(count) || count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: ttl > 0 ? ttl : windowSeconds };
  } catch (error) {
    log.warn({ bucket, err: (error as Error).message }, "rate limit unavailable; allowing");
    return { allowed: true };
  }
}
