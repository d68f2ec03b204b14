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

type Clients = { command?: Redis; subscriber?: Redis; queue?: Redis };
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

export async function closeRedis(): Promise<void> {
  const all = clients();
  globalForRedis.rekeyRedis = {};
  await Promise.all(
    [all.command, all.subscriber, all.queue].map((c) => c?.quit().catch(() => c.disconnect())),
  );
}
