import { Redis, type RedisOptions } from "ioredis";
import { env } from "./env";
import { logger } from "./logger";

const log = logger.child({ module: "redis" });

// BullMQ needs maxRetriesPerRequest: null; plain commands use a short timeout instead so
// that a lost Redis never stalls a request.
const COMMAND_OPTIONS: RedisOptions = {
  maxRetriesPerRequest: 1,
  commandTimeout: 500,
  connectTimeout: 2000,
  enableOfflineQueue: false,
  lazyConnect: false,
};

const QUEUE_OPTIONS: RedisOptions = { maxRetriesPerRequest: null, connectTimeout: 2000 };

// Producers (code that only adds jobs, such as a rotation after its commit) must not queue
// commands while Redis is away: a lost Redis should cost a logged warning, not a stuck
// request. BullMQ accepts these options for queues, though not for workers.
const PRODUCER_OPTIONS: RedisOptions = {
  maxRetriesPerRequest: 1,
  commandTimeout: 2000,
  connectTimeout: 2000,
  enableOfflineQueue: false,
};

type Clients = { command?: Redis; subscriber?: Redis; queue?: Redis; producer?: Redis };
const globalForRedis = globalThis as unknown as { rekeyRedis?: Clients };

function clients(): Clients {
  globalForRedis.rekeyRedis ??= {};
  return globalForRedis.rekeyRedis;
}

function connect(name: string, options: RedisOptions): Redis {
  const client = new Redis(env().REDIS_URL, { ...options, connectionName: `rekey-${name}` });
  // Without a listener ioredis logs every reconnect failure as an unhandled error.
  client.on("error", (error) => log.warn({ client: name, err: error.message }, "redis error"));
  return client;
}

/** For counters, rate limits and publishing: fails fast when Redis is away. */
export function getRedis(): Redis {
  const all = clients();
  all.command ??= connect("command", COMMAND_OPTIONS);
  return all.command;
}

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

/** The command client once it is connected, waiting at most `waitMs` for that. */
export async function getReadyRedis(waitMs = 1000): Promise<Redis> {
  const redis = getRedis();
  await whenRedisReady(redis, waitMs);
  return redis;
}

/** A dedicated connection in subscriber mode. */
export function getSubscriber(): Redis {
  const all = clients();
  all.subscriber ??= connect("subscriber", { ...COMMAND_OPTIONS, enableOfflineQueue: true });
  return all.subscriber;
}

/** The connection BullMQ queues share in this process. */
export function getQueueConnection(): Redis {
  const all = clients();
  all.queue ??= connect("queue", QUEUE_OPTIONS);
  return all.queue;
}

/** The connection that BullMQ queues used only to add jobs share: it fails fast. */
export function getProducerConnection(): Redis {
  const all = clients();
  all.producer ??= connect("producer", PRODUCER_OPTIONS);
  return all.producer;
}

/** How long code that only adds a job waits for Redis before it gives up (and logs). */
export const PRODUCER_DEADLINE_MS = 1_500;

export class RedisDeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${ms} ms`);
    this.name = "RedisDeadlineError";
  }
}

/**
 * Waits for a Redis operation at most `ms`. BullMQ waits for a ready connection before its
 * first command, however the connection is configured, so only a deadline bounds it.
 */
export async function withRedisDeadline<T>(
  operation: Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisDeadlineError(what, ms)), ms);
  });
  // A late failure of the abandoned operation must not surface as an unhandled rejection.
  operation.catch(() => {});
  try {
    return await Promise.race([operation, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * BullMQ prints connection errors of a queue with no error listener to stderr; the connection
 * already logs them (see `connect`), so a producer queue only needs them at debug level.
 */
export function quietQueueErrors<T extends { on(event: "error", fn: (e: Error) => void): unknown }>(
  queue: T,
  name: string,
): T {
  queue.on("error", (error) => log.debug({ queue: name, err: error.message }, "queue error"));
  return queue;
}

export async function closeRedis(): Promise<void> {
  const all = clients();
  globalForRedis.rekeyRedis = {};
  await Promise.all(
    [all.command, all.subscriber, all.queue, all.producer].map((c) =>
      c?.quit().catch(() => c.disconnect()),
    ),
  );
}
