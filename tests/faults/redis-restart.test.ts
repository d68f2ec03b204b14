import { Queue } from "bullmq";
import { inArray, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, emailMessages } from "@/db/schema";
import { hashKey } from "@/lib/keys/key-format";
import { rotateKey } from "@/lib/rotation/rotate-key";
import {
  closeAppConnections,
  createTestProject,
  inspectQueue,
  prepareOwnDatabase,
  type QueueHandle,
  removeTestData,
  signUpDeveloper,
  verdictAt,
} from "@/lib/rotation/test-fixtures";
import { KeyCache } from "@/lib/verification/key-cache";
import { verifyApiKey } from "@/lib/verification/verify-api-key";
import { CLEANUP_QUEUE_NAME, cleanupJobId } from "@/workers/key-rotation-cleanup/cleanup.queue";
import { RECONCILE_QUEUE_NAME, RECONCILE_SCHEDULER_ID } from "@/workers/reconcile/reconcile.queue";
import { runReconcile } from "@/workers/reconcile/run-reconcile";
import { expiryRecords, retiredCount } from "./support/expiry-records";
import { type RedisServer, startRedisServer } from "./support/redis-server";
import { startWorkerProcess, type WorkerProcess } from "./support/worker-process";

// Everything Redis holds is lost here, so the app, the worker and this file use a
// redis-server of their own; reconcile scans every project, so the database is its own too.
const own = vi.hoisted(() => {
  const redisPort = 6391;
  const database = new URL(process.env.DATABASE_URL ?? "");
  database.pathname = `${database.pathname}_faults_redis`;
  process.env.DATABASE_URL = database.toString();
  process.env.REDIS_URL = `redis://127.0.0.1:${redisPort}/0`;
  return { redisPort };
});

// Long enough for the rotations, the warm-up and the Redis loss to happen before it.
const GRACE_LEFT_MS = 8_000;
// The worker re-creates what Redis lost on its own; this bounds how long that may take.
const RECOVERY_MS = 45_000;

type KeyInGrace = { projectId: string; oldKeyId: string; oldKey: string; expiresAtMs: number };

const projectIds: string[] = [];
const developerIds: string[] = [];
let server: RedisServer;
let redis: Redis;
let worker: WorkerProcess;
let cleanupQueue: QueueHandle;
let reconcileQueue: Queue;

beforeAll(async () => {
  server = await startRedisServer(own.redisPort);
  await prepareOwnDatabase();
  redis = new Redis(server.url());
  redis.on("error", () => {});
  worker = await startWorkerProcess({
    DATABASE_URL: process.env.DATABASE_URL as string,
    REDIS_URL: server.url(),
  });
  cleanupQueue = inspectQueue(CLEANUP_QUEUE_NAME);
  reconcileQueue = new Queue(RECONCILE_QUEUE_NAME, { connection: redis });
});

afterAll(async () => {
  worker?.kill("SIGTERM");
  await worker?.exited;
  await removeTestData(projectIds, developerIds);
  await Promise.all([cleanupQueue?.close(), reconcileQueue?.close()]);
  redis?.disconnect();
  await closeAppConnections();
  await server?.stop();
});

/** Rotates the secret key of `count` new projects with a 1-hour grace. */
async function rotateProjects(count: number): Promise<KeyInGrace[]> {
  const rotated: KeyInGrace[] = [];
  for (let i = 0; i < count; i += 1) {
    const developer = await signUpDeveloper();
    developerIds.push(developer.actor.id);
    const { project, keys } = await createTestProject(developer);
    projectIds.push(project.id);
    const input = { projectId: project.id, keyType: "secret", grace: "1h" };
    const result = await rotateKey(getDb(), developer.actor, input);
    if (!result.ok) throw new Error(result.error.message);
    const expiresAtMs = Date.parse(result.oldKey.expiresAt);
    rotated.push({
      projectId: project.id,
      oldKeyId: result.oldKey.id,
      oldKey: keys.secret,
      expiresAtMs,
    });
  }
  return rotated;
}

/** Stands in for most of the hour of grace passing: the keys now expire in a few seconds. */
async function bringExpiryNear(keys: KeyInGrace[]): Promise<KeyInGrace[]> {
  const ids = keys.map((k) => k.oldKeyId);
  const rows = await getDb()
    .update(apiKeys)
    .set({ expiresAt: sql`now() + ${`${GRACE_LEFT_MS} milliseconds`}::interval` })
    .where(inArray(apiKeys.id, ids))
    .returning({ id: apiKeys.id, expiresAt: apiKeys.expiresAt });
  return keys.map((key) => {
    const row = rows.find((r) => r.id === key.oldKeyId);
    return { ...key, expiresAtMs: row?.expiresAt?.getTime() ?? Number.NaN };
  });
}

/** A web instance's cache holding every key, as it would while clients use them. */
async function warmCache(keys: KeyInGrace[]): Promise<KeyCache> {
  const cache = new KeyCache();
  for (const { oldKey } of keys) {
    const request = { headers: new Headers({ "x-api-key": oldKey }), url: new URL("http://x/") };
    const result = await verifyApiKey(request, "any", { db: getDb(), cache, now: Date.now });
    expect(result.ok && result.key.status).toBe("grace");
  }
  return cache;
}

/** The verdict of a cache that heard nothing since Redis went away, at the instant `atMs`. */
async function cachedVerdict(cache: KeyCache, key: string, atMs: number): Promise<string> {
  expect(cache.get(hashKey(key))).toBeDefined();
  const request = { headers: new Headers({ "x-api-key": key }), url: new URL("http://x/") };
  const result = await verifyApiKey(request, "any", { db: getDb(), cache, now: () => atMs });
  return result.ok ? result.key.status : result.rejection.reason;
}

async function expectRedisEmptied(keys: KeyInGrace[]): Promise<void> {
  for (const { oldKeyId } of keys) {
    expect(await cleanupQueue.queue.getJob(cleanupJobId(oldKeyId))).toBeUndefined();
  }
  expect(await reconcileQueue.getJobScheduler(RECONCILE_SCHEDULER_ID)).toBeUndefined();
}

async function expectStopsAtExpiry(keys: KeyInGrace[], cache: KeyCache): Promise<void> {
  for (const { oldKey, expiresAtMs } of keys) {
    expect(await verdictAt(oldKey, expiresAtMs - 1)).toBe("grace");
    expect(await verdictAt(oldKey, expiresAtMs)).toBe("expired");
    expect(await cachedVerdict(cache, oldKey, expiresAtMs - 1)).toBe("grace");
    expect(await cachedVerdict(cache, oldKey, expiresAtMs)).toBe("expired");
  }
}

async function expectRetiredOnceByTheWorker(keys: KeyInGrace[]): Promise<void> {
  const ids = keys.map((k) => k.oldKeyId);
  await expect
    .poll(() => retiredCount(getDb(), ids), { timeout: RECOVERY_MS, interval: 250 })
    .toBe(keys.length);

  // Every other way the same work could happen again, at once: two reconcile runs (two
  // workers), long after the expiry.
  const later = { now: new Date(Math.max(...keys.map((k) => k.expiresAtMs)) + 3_600_000) };
  const runs = await Promise.all([runReconcile(getDb(), later), runReconcile(getDb(), later)]);
  expect(runs.map((run) => run.keysRetired)).toEqual([0, 0]);

  const records = await expiryRecords(getDb(), ids);
  expect(records).toHaveLength(keys.length);
  for (const record of records) {
    expect(record).toMatchObject({ retired: true, expiredEvents: 1, expiryEmails: 1 });
  }
  await expectEveryEmailSentOnce(keys);
}

// Reconcile re-enqueued whatever email Redis lost; the worker sends each row once.
async function expectEveryEmailSentOnce(keys: KeyInGrace[]): Promise<void> {
  const projects = keys.map((k) => k.projectId);
  const outbox = () =>
    getDb().select().from(emailMessages).where(inArray(emailMessages.projectId, projects));
  await expect
    .poll(async () => (await outbox()).filter((m) => m.status === "sent").length, {
      timeout: 15_000,
    })
    .toBe(keys.length * 2);
  // Sent once is the guarantee; an attempt cut short by the restart may have been retried.
  for (const message of await outbox()) {
    expect(message).toMatchObject({ status: "sent", providerId: expect.any(String) });
    expect(message.attempts).toBeGreaterThanOrEqual(1);
  }
  for (const projectId of projects) {
    const templates = (await outbox()).filter((m) => m.projectId === projectId);
    expect(templates.map((m) => m.template).sort()).toEqual(["key-expired", "key-rotated"]);
  }
}

describe("Redis loses everything while keys are in grace", () => {
  it("restarted empty: keys stop at expiry; each retired, audited, emailed once", async () => {
    const keys = await bringExpiryNear(await rotateProjects(3));
    const cache = await warmCache(keys);

    await server.restart();
    await expectRedisEmptied(keys);

    await expectStopsAtExpiry(keys, cache);
    await expectRetiredOnceByTheWorker(keys);
  }, 90_000);

  it("flushed (FLUSHDB) under a running worker: the same, with no restart to notice", async () => {
    const keys = await bringExpiryNear(await rotateProjects(3));
    const cache = await warmCache(keys);

    await redis.flushdb();
    await expectRedisEmptied(keys);

    await expectStopsAtExpiry(keys, cache);
    await expectRetiredOnceByTheWorker(keys);
  }, 90_000);
});
