import { logger } from "@/lib/logger";
import { getRedis, whenRedisReady } from "@/lib/redis";
import { KEY_INVALIDATION_CHANNEL, keyInvalidationSchema } from "./invalidation-channel";

const log = logger.child({ module: "key-invalidation" });

const CONNECT_WAIT_MS = 1000;

/**
 * Tells every web instance to drop a key from its verification cache. Never throws: when
 * Redis is away the cache entries still die on their own within seconds, and verification
 * judges expiry by the clock anyway.
 */
export async function publishKeyInvalidation(keyId: string): Promise<boolean> {
  const message = JSON.stringify(keyInvalidationSchema.parse({ keyId }));
  try {
    const redis = getRedis();
    await whenRedisReady(redis, CONNECT_WAIT_MS);
    await redis.publish(KEY_INVALIDATION_CHANNEL, message);
    return true;
  } catch (error) {
    log.warn({ keyId, err: (error as Error).message }, "could not publish key invalidation");
    return false;
  }
}
