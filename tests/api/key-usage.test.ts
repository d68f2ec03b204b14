import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import type { CreatedProject } from "@/lib/projects/create-project";
import { getKeyUsage } from "@/lib/usage/get-key-usage";
import { UsageRecorder } from "@/lib/usage/usage-recorder";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { connectTestDb, keyIdOf, removeProjects, seedProject } from "./support/seed";

const connection = connectTestDb();
const { db } = connection;
const redis = new Redis(process.env.REDIS_URL as string);
// Nothing listens here: stands for Redis being down.
const deadRedis = new Redis("redis://127.0.0.1:6399", {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
});
deadRedis.on("error", () => {});
const seededProjects: CreatedProject[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function storedUsage(keyId: string) {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, keyId));
  return {
    lastUsedAt: row?.lastUsedAt ?? null,
    requestsLastHour: row?.requestsLastHour,
    usageFlushedAt: row?.usageFlushedAt ?? null,
  };
}

async function seeded() {
  const project = await seedProject(db);
  seededProjects.push(project);
  const keyId = await keyIdOf(db, project.keys.publishable);
  return { project, keyId, projectId: project.project.id };
}

afterAll(async () => {
  await removeProjects(db, seededProjects);
  redis.disconnect();
  deadRedis.disconnect();
  await connection.sql.end();
});

describe("usage recorder", () => {
  it("pushes counts to Redis and writes Postgres at most once a minute per key", async () => {
    const { keyId, projectId } = await seeded();
    let now = Date.now();
    const recorder = new UsageRecorder({ db: () => db, redis: () => redis, now: () => now });

    for (let i = 0; i < 3; i++) recorder.record(keyId, projectId);
    expect((await storedUsage(keyId)).lastUsedAt).toBeNull();
    await recorder.tick();
    const first = await storedUsage(keyId);
    expect(first).toMatchObject({ requestsLastHour: 3, lastUsedAt: new Date(now) });

    now += 10_000;
    for (let i = 0; i < 2; i++) recorder.record(keyId, projectId);
    await recorder.tick();
    expect(await storedUsage(keyId)).toEqual(first);
    const live = await getKeyUsage(db, projectId, { redis, now });
    expect(live.find((u) => u.keyId === keyId)).toEqual({
      keyId,
      lastUsedAt: new Date(now),
      requestsLastHour: 5,
      source: "live",
    });

    // A minute later the claim has lapsed and the next push writes again.
    await redis.del(`rekey:usage:${keyId}:flushed`);
    recorder.record(keyId, projectId);
    await recorder.tick();
    expect(await storedUsage(keyId)).toMatchObject({ requestsLastHour: 6 });
    recorder.stop();
  });

  it("keeps counts in memory while Redis is down and pushes them later", async () => {
    const { keyId, projectId } = await seeded();
    let current = deadRedis;
    const recorder = new UsageRecorder({ db: () => db, redis: () => current, now: Date.now });

    for (let i = 0; i < 4; i++) recorder.record(keyId, projectId);
    await recorder.tick();
    expect((await storedUsage(keyId)).usageFlushedAt).toBeNull();

    current = redis;
    recorder.record(keyId, projectId);
    await recorder.tick();
    expect(await storedUsage(keyId)).toMatchObject({ requestsLastHour: 5 });
    recorder.stop();
  });

  it("counts only the last hour", async () => {
    const { keyId, projectId } = await seeded();
    let now = Date.now() - 61 * 60 * 1000;
    const recorder = new UsageRecorder({ db: () => db, redis: () => redis, now: () => now });
    recorder.record(keyId, projectId);
    await recorder.tick();
    now = Date.now();
    recorder.record(keyId, projectId);
    await redis.del(`rekey:usage:${keyId}:flushed`);
    await recorder.tick();

    const [usage] = (await getKeyUsage(db, projectId, { redis, now })).filter(
      (u) => u.keyId === keyId,
    );
    expect(usage).toMatchObject({ requestsLastHour: 1, lastUsedAt: new Date(now) });
    recorder.stop();
  });
});

describe("getKeyUsage without Redis", () => {
  it("falls back to what was last flushed to Postgres", async () => {
    const { keyId, projectId } = await seeded();
    const recorder = new UsageRecorder({ db: () => db, redis: () => redis, now: Date.now });
    for (let i = 0; i < 7; i++) recorder.record(keyId, projectId);
    await recorder.tick();
    recorder.stop();

    const usage = await getKeyUsage(db, projectId, { redis: deadRedis });
    expect(usage.find((u) => u.keyId === keyId)).toMatchObject({
      requestsLastHour: 7,
      source: "stored",
    });
    expect(usage).toHaveLength(2);
  });
});

describe("usage of real requests", () => {
  let app: AppServer;

  beforeAll(async () => {
    app = await startAppServer({ port: 3117 });
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function call(key: string, times: number) {
    for (let i = 0; i < times; i++) {
      const response = await fetch(`${app.url}/api/keys/self`, { headers: { "x-api-key": key } });
      expect(response.status).toBe(200);
    }
  }

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 8000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await sleep(250);
    }
  }

  it("never writes Postgres per request, and flushes once within the minute", async () => {
    const { project, keyId, projectId } = await seeded();
    await call(project.keys.publishable, 20);
    expect((await storedUsage(keyId)).lastUsedAt).toBeNull();

    const flushed = await waitFor(
      () => storedUsage(keyId),
      (u) => u.requestsLastHour === 20,
    );
    expect(flushed.requestsLastHour).toBe(20);

    await call(project.keys.publishable, 10);
    const live = await waitFor(
      async () => (await getKeyUsage(db, projectId, { redis })).find((u) => u.keyId === keyId),
      (u) => u?.requestsLastHour === 30,
    );
    expect(live?.requestsLastHour).toBe(30);
    expect(await storedUsage(keyId)).toEqual(flushed);
  });
});
