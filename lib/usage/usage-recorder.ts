import type { Redis } from "ioredis";
import { type Executor, getDb } from "@/db/client";
import { summariseError } from "@/lib/http/unexpected-error";
import { logger } from "@/lib/logger";
import { getRedis, whenRedisReady } from "@/lib/redis";
import { flushUsage } from "./flush-usage";
import { UsageBuffer } from "./usage-buffer";
import { pushUsage } from "./usage-store";

const log = logger.child({ module: "key-usage" });

// How often counts leave memory for Redis: the dashboard's live figures lag this much.
export const USAGE_PUSH_INTERVAL_MS = 5_000;
const CONNECT_WAIT_MS = 1_000;

export type UsageRecorderDependencies = {
  db: () => Executor;
  redis: () => Redis;
  now: () => number;
};

/**
 * Counts each verified request in memory; every few seconds pushes the counts to Redis, then
 * lets `flushUsage` copy them to Postgres at most once a minute per key. A push that fails
 * (Redis away) keeps the counts for the next try.
 */
export class UsageRecorder {
  private readonly buffer = new UsageBuffer();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly deps: UsageRecorderDependencies,
    private readonly intervalMs = USAGE_PUSH_INTERVAL_MS,
  ) {}

  record(keyId: string, projectId: string): void {
    this.buffer.record(keyId, projectId, this.deps.now());
    if (this.timer) return;

    // Opens the connection now, so that it is ready by the first push.
    this.deps.redis();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.pushAndFlush();
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async pushAndFlush(): Promise<void> {
    const batch = this.buffer.take();
    if (batch.length === 0) return;

    const redis = this.deps.redis();
    try {
      await whenRedisReady(redis, CONNECT_WAIT_MS);
      await pushUsage(redis, batch);
    } catch (error) {
      this.buffer.putBack(batch);
      log.warn({ err: (error as Error).message, keys: batch.length }, "usage kept in memory");
      return;
    }

    try {
      await flushUsage(this.deps.db(), redis, batch, this.deps.now());
    } catch (error) {
      log.warn({ error: summariseError(error) }, "could not write key usage to postgres");
    }
  }
}

const globalForUsage = globalThis as unknown as { rekeyUsageRecorder?: UsageRecorder };

/** The process's recorder, shared by every route bundle. */
export function getUsageRecorder(): UsageRecorder {
  globalForUsage.rekeyUsageRecorder ??= new UsageRecorder({
    db: getDb,
    redis: getRedis,
    now: Date.now,
  });
  return globalForUsage.rekeyUsageRecorder;
}
