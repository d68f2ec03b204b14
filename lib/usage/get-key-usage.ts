import type { Redis } from "ioredis";
import { type ApiKey, listKeysForProject } from "@/db/api-keys";
import type { Executor } from "@/db/client";
import { logger } from "@/lib/logger";
import { getRedis, whenRedisReady } from "@/lib/redis";
import { type LiveUsage, readUsage } from "./usage-store";

const log = logger.child({ module: "key-usage" });
const HOUR_MS = 60 * 60 * 1000;
// A page render waits this long at most for a fresh connection before showing stored figures.
const CONNECT_WAIT_MS = 500;

export type KeyUsage = {
  keyId: string;
  lastUsedAt: Date | null;
  requestsLastHour: number;
  /** `live` from Redis (seconds old); `stored` from the last flush to Postgres. */
  source: "live" | "stored";
};

function fromPostgres(key: ApiKey, nowMs: number): KeyUsage {
  // A count flushed more than an hour ago says nothing about the last hour.
  const fresh = key.usageFlushedAt && nowMs - key.usageFlushedAt.getTime() < HOUR_MS;
  return {
    keyId: key.id,
    lastUsedAt: key.lastUsedAt,
    requestsLastHour: fresh ? key.requestsLastHour : 0,
    source: "stored",
  };
}

function merge(key: ApiKey, live: LiveUsage | undefined, nowMs: number): KeyUsage {
  if (!live) return fromPostgres(key, nowMs);

  const stored = key.lastUsedAt?.getTime() ?? null;
  const latest = Math.max(stored ?? 0, live.lastUsedAtMs ?? 0);
  return {
    keyId: key.id,
    lastUsedAt: latest > 0 ? new Date(latest) : null,
    requestsLastHour: live.requestsLastHour,
    source: "live",
  };
}

/**
 * Usage of every key of a project, for the dashboard: live figures from Redis when it
 * answers, otherwise what was last flushed to Postgres. Callers check ownership first.
 */
export async function getKeyUsage(
  db: Executor,
  projectId: string,
  options: { redis?: Redis; now?: number } = {},
): Promise<KeyUsage[]> {
  const keys = await listKeysForProject(db, projectId);
  const nowMs = options.now ?? Date.now();

  let live = new Map<string, LiveUsage>();
  try {
    const redis = options.redis ?? getRedis();
    await whenRedisReady(redis, CONNECT_WAIT_MS);
    live = await readUsage(
      redis,
      keys.map((key) => key.id),
      nowMs,
    );
  } catch (error) {
    log.warn({ projectId, err: (error as Error).message }, "showing stored key usage");
  }
  return keys.map((key) => merge(key, live.get(key.id), nowMs));
}
