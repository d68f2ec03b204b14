import type { Redis } from "ioredis";

/**
 * Waits, at most `ms`, for a client to finish connecting. The command client refuses
 * commands until then (no offline queue), so the first command of a fresh process would
 * fail for no better reason than timing.
 */
export async function whenRedisReady(redis: Redis, ms: number): Promise<void> {
  if (redis.status === "ready") return;

  let onReady: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onReady = resolve;
      redis.once("ready", onReady);
      timer = setTimeout(() => reject(new Error(`redis not ready after ${ms} ms`)), ms);
    });
  } finally {
    clearTimeout(timer);
    if (onReady) redis.off("ready", onReady);
  }
}
