import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import type { CreatedProject } from "@/lib/projects/create-project";
import { closeAppConnections, prepareOwnDatabase } from "@/lib/rotation/test-fixtures";
import { removeProjects, seedProject } from "@/tests/api/support/seed";
import { enqueueCleanups } from "@/workers/key-rotation-cleanup/cleanup.queue";
import { expiryRecords, retiredCount } from "./support/expiry-records";
import { type RedisServer, startRedisServer } from "./support/redis-server";
import { startWorkerProcess, type WorkerProcess } from "./support/worker-process";

// The worker consumes every job of its Redis and reconcile scans every project: this file
// has a redis-server and a database of its own.
const own = vi.hoisted(() => {
  const redisPort = 6392;
  const database = new URL(process.env.DATABASE_URL ?? "");
  database.pathname = `${database.pathname}_faults_worker`;
  process.env.DATABASE_URL = database.toString();
  process.env.REDIS_URL = `redis://127.0.0.1:${redisPort}/0`;
  return { redisPort };
});

const PROJECTS = 20;
const KEYS_PER_PROJECT = 75;
const TOTAL_KEYS = PROJECTS * KEYS_PER_PROJECT;
// Jobs a killed worker held stay locked for BullMQ's lock duration (30 s) before another
// worker takes them over; reconcile runs every minute. Either finishes them within this.
const RECOVERY_MS = 80_000;

let server: RedisServer;
let workerEnv: Record<string, string>;
const running: WorkerProcess[] = [];
const seeded: CreatedProject[] = [];

beforeAll(async () => {
  server = await startRedisServer(own.redisPort);
  await prepareOwnDatabase();
  workerEnv = { DATABASE_URL: process.env.DATABASE_URL as string, REDIS_URL: server.url() };
  for (let i = 0; i < PROJECTS; i += 1) seeded.push(await seedProject(getDb()));
});

afterAll(async () => {
  for (const worker of running) {
    worker.kill("SIGKILL");
    await worker.exited;
  }
  await removeProjects(getDb(), seeded);
  await closeAppConnections();
  await server?.stop();
});

async function startWorker(): Promise<WorkerProcess> {
  const worker = await startWorkerProcess(workerEnv);
  running.push(worker);
  return worker;
}

/**
 * Many replaced secret keys whose grace ends in the same instant, each with the cleanup job
 * a rotation enqueues: what a busy hour of rotations leaves for the worker.
 */
async function keysExpiringAtOnce(): Promise<string[]> {
  const nonce = randomUUID();
  const projectIds = seeded.map(({ project }) => project.id);
  const rows = await getDb().execute<{ id: string; project_id: string; expires_at: Date }>(sql`
    insert into api_keys (project_id, type, hash, prefix, last_four, deprecated_at, expires_at)
    select p.id, 'secret', encode(sha256(convert_to(${nonce} || p.id || g, 'UTF8')), 'hex'),
      'sk_live_', lpad(g::text, 4, '0'), now(), now() + interval '1 second'
    from unnest(${`{${projectIds.join(",")}}`}::uuid[]) as p(id),
      generate_series(1, ${KEYS_PER_PROJECT}) as g
    returning id, project_id, expires_at
  `);
  await enqueueCleanups(
    rows.map((row) => ({
      keyId: row.id,
      projectId: row.project_id,
      expiresAt: new Date(row.expires_at),
    })),
  );
  return rows.map((row) => row.id);
}

/** Polls until the worker has retired some keys but not all, then kills it with SIGKILL. */
async function killMidBatch(worker: WorkerProcess, keyIds: string[]): Promise<number> {
  await expect
    .poll(() => retiredCount(getDb(), keyIds), { timeout: 30_000, interval: 20 })
    .toBeGreaterThanOrEqual(TOTAL_KEYS / 10);
  worker.kill("SIGKILL");
  await worker.exited;
  return retiredCount(getDb(), keyIds);
}

describe("the worker is killed with SIGKILL in the middle of a cleanup batch", () => {
  it("after a restart every key is retired once, one expiry event and email each", async () => {
    const first = await startWorker();
    const keyIds = await keysExpiringAtOnce();

    const atKill = await killMidBatch(first, keyIds);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(TOTAL_KEYS);
    // Nothing of the killed process goes on working.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await retiredCount(getDb(), keyIds)).toBe(atKill);

    await startWorker();
    await expect
      .poll(() => retiredCount(getDb(), keyIds), { timeout: RECOVERY_MS, interval: 500 })
      .toBe(TOTAL_KEYS);

    const records = await expiryRecords(getDb(), keyIds);
    expect(records).toHaveLength(TOTAL_KEYS);
    const wrong = records.filter(
      (r) => !r.retired || r.expiredEvents !== 1 || r.expiryEmails !== 1,
    );
    expect(wrong).toEqual([]);
  }, 120_000);
});
