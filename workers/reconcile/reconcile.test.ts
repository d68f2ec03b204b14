import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { EMAIL_QUEUE_NAME } from "@/lib/email/email-queue";
import { env } from "@/lib/env";
import { rotateKey } from "@/lib/rotation/rotate-key";
import {
  auditOf,
  closeAppConnections,
  inspectQueue,
  keysOf,
  outboxOf,
  prepareOwnDatabase,
  type QueueHandle,
  trackTestData,
  verdictAt,
} from "@/lib/rotation/test-fixtures";
import { CLEANUP_QUEUE_NAME, cleanupJobId } from "@/workers/key-rotation-cleanup/cleanup.queue";
import { runReconcile } from "./run-reconcile";

// Reconcile scans every project and this file flushes its Redis: both get their own.
vi.hoisted(() => {
  const database = new URL(process.env.DATABASE_URL ?? "");
  database.pathname = `${database.pathname}_reconcile`;
  process.env.DATABASE_URL = database.toString();
  const redis = new URL(process.env.REDIS_URL ?? "");
  redis.pathname = "/8";
  process.env.REDIS_URL = redis.toString();
});

const testData = trackTestData();
let redis: Redis;
let cleanupQueue: QueueHandle;
let emailQueue: QueueHandle;

beforeAll(async () => {
  await prepareOwnDatabase();
  redis = new Redis(env().REDIS_URL);
  await redis.flushdb();
  cleanupQueue = inspectQueue(CLEANUP_QUEUE_NAME);
  emailQueue = inspectQueue(EMAIL_QUEUE_NAME);
});

afterAll(async () => {
  await testData.remove();
  await Promise.all([cleanupQueue.close(), emailQueue.close(), redis.quit()]);
  await closeAppConnections();
});

async function rotatedProject() {
  const { developer, project, keys } = await testData.ownerWithProject();
  const input = { projectId: project.id, keyType: "secret", grace: "1h" };
  const result = await rotateKey(getDb(), developer.actor, input);
  if (!result.ok) throw new Error(result.error.message);
  return { project, oldKey: keys.secret, result };
}

async function emailJobIds(): Promise<string[]> {
  const jobs = await emailQueue.queue.getJobs(["waiting", "delayed", "prioritized"]);
  return jobs.map((job) => job.data.messageId);
}

describe("reconcile", () => {
  it("after a flushed queue, keys expire; each audit event and email appears once", async () => {
    const rotations = [await rotatedProject(), await rotatedProject()];
    const first = rotations[0]?.result;
    if (!first?.ok) throw new Error("no rotation");
    expect(await cleanupQueue.queue.getJob(cleanupJobId(first.oldKey.id))).toBeDefined();

    await redis.flushdb();
    expect(await cleanupQueue.queue.getJob(cleanupJobId(first.oldKey.id))).toBeUndefined();

    // Within the grace period: the lost cleanup jobs come back, delayed to each expiry.
    const during = await runReconcile(getDb());
    expect(during.keysRetired).toBe(0);
    for (const { result } of rotations) {
      const job = await cleanupQueue.queue.getJob(cleanupJobId(result.oldKey.id));
      expect(await job?.getState()).toBe("delayed");
    }

    // After it, twice over (two workers, or a repeat): each key is retired exactly once.
    const expiry = Math.max(...rotations.map(({ result }) => Date.parse(result.oldKey.expiresAt)));
    const after = new Date(expiry + 10 * 60 * 1000);
    const firstRun = await runReconcile(getDb(), { now: after });
    const secondRun = await runReconcile(getDb(), { now: after });
    expect(firstRun.keysRetired).toBe(2);
    expect(secondRun.keysRetired).toBe(0);

    const queuedMessages = await emailJobIds();
    for (const { project, oldKey, result } of rotations) {
      expect(await verdictAt(oldKey, after.getTime())).toBe("expired");
      const row = (await keysOf(project.id)).find((k) => k.id === result.oldKey.id);
      expect(row?.retiredAt).not.toBeNull();

      const expired = (await auditOf(project.id)).filter((e) => e.action === "api_key.expired");
      expect(expired.map((e) => e.keyId)).toEqual([result.oldKey.id]);
      const outbox = await outboxOf(project.id);
      expect(outbox.map((m) => m.template).sort()).toEqual(["key-expired", "key-rotated"]);
      // The rotation email's job was flushed away; reconcile queued it again.
      for (const message of outbox) expect(queuedMessages).toContain(message.id);
    }
  });
});
