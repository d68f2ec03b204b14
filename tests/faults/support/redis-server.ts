/**
 * A throwaway redis-server of a test's own, on a spare port, so that a test may restart it
 * (losing everything: no RDB, no AOF) without touching the Redis other people use.
 *
 *   const redis = await startRedisServer(6391);
 *   await redis.restart();   // SIGKILL, then a fresh empty server on the same port
 *   await redis.stop();
 */
import { type ChildProcess, spawn } from "node:child_process";
import { Redis } from "ioredis";

export type RedisServer = {
  url: (db?: number) => string;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answersPing(port: number): Promise<boolean> {
  const client = new Redis({
    port,
    host: "127.0.0.1",
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function launch(port: number): Promise<ChildProcess> {
  if (await answersPing(port)) throw new Error(`a Redis already listens on port ${port}`);

  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    if (await answersPing(port)) return child;
    await sleep(50);
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server on port ${port} did not answer in time`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

export async function startRedisServer(port: number): Promise<RedisServer> {
  let child = await launch(port);
  return {
    url: (db = 0) => `redis://127.0.0.1:${port}/${db}`,
    restart: async () => {
      await kill(child);
      child = await launch(port);
    },
    stop: () => kill(child),
  };
}
