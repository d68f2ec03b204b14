import { UnrecoverableError } from "bullmq";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, projects } from "@/db/schema";
import { keyExpiredEmailSchema } from "@/lib/email/email-data.schema";
import { EMAIL_QUEUE_NAME, emailJobId } from "@/lib/email/email-queue";
import { revokePreviousKey } from "@/lib/rotation/revoke-key";
import { rotateKey } from "@/lib/rotation/rotate-key";
import {
  auditOf,
  closeAppConnections,
  inspectQueue,
  keysOf,
  outboxOf,
  type QueueHandle,
  trackTestData,
} from "@/lib/rotation/test-fixtures";
import { handleCleanup } from "./cleanup.processor";
import { CLEANUP_QUEUE_NAME, cleanupJobId } from "./cleanup.queue";
import { startCleanupWorker } from "./cleanup.worker";

const testData = trackTestData();
let cleanupQueue: QueueHandle;
let emailQueue: QueueHandle;

beforeAll(() => {
  cleanupQueue = inspectQueue(CLEANUP_QUEUE_NAME);
  emailQueue = inspectQueue(EMAIL_QUEUE_NAME);
});

afterAll(async () => {
  await testData.remove();
  await Promise.all([cleanupQueue.close(), emailQueue.close()]);
  await closeAppConnections();
});

async function rotation(grace = "1h") {
  const { developer, project } = await testData.ownerWithProject();
  const input = { projectId: project.id, keyType: "secret", grace };
  const result = await rotateKey(getDb(), developer.actor, input);
  if (!result.ok) throw new Error(result.error.message);
  const target = { keyId: result.oldKey.id, projectId: project.id };
  const afterExpiry = new Date(Date.parse(result.oldKey.expiresAt) + 1_000);
  return { developer, project, result, target, afterExpiry };
}

async function expiryRecords(projectId: string) {
  const events = (await auditOf(projectId)).filter((e) => e.action === "api_key.expired");
  const emails = (await outboxOf(projectId)).filter((m) => m.template === "key-expired");
  return { events, emails };
}

describe("key-rotation-cleanup job", () => {
  it("run twice: retires, records the expiry, queues one email, then does nothing", async () => {
    const { developer, project, result, target, afterExpiry } = await rotation();

    const first = await handleCleanup(getDb(), target, afterExpiry);
    const second = await handleCleanup(getDb(), target, afterExpiry);

    expect(first.status).toBe("retired");
    expect(second).toEqual({ status: "skipped", reason: "already_retired" });
    const row = (await keysOf(project.id)).find((k) => k.id === target.keyId);
    expect(row?.retiredAt?.getTime()).toBe(afterExpiry.getTime());

    const { events, emails } = await expiryRecords(project.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "system",
      actorId: null,
      keyId: target.keyId,
      keyPrefix: "sk_live_",
      keyLastFour: result.oldKey.lastFour,
      keyExpiresAt: new Date(result.oldKey.expiresAt),
    });
    expect(emails).toHaveLength(1);
    expect(emails[0]?.recipient).toBe(developer.actor.email);
    expect(keyExpiredEmailSchema.parse(emails[0]?.data)).toMatchObject({
      maskedKey: result.oldKey.maskedKey,
      expiredAt: result.oldKey.expiresAt,
      projectName: project.name,
    });
    expect(await emailQueue.queue.getJob(emailJobId(emails[0]?.id ?? ""))).toBeDefined();
  });

  it("run after an early revoke: the real job completes without recording an expiry", async () => {
    const { developer, project, target } = await rotation();
    const revoked = await revokePreviousKey(getDb(), developer.actor, target);
    expect(revoked.ok).toBe(true);

    const job = await cleanupQueue.queue.getJob(cleanupJobId(target.keyId));
    await job?.promote();
    const worker = startCleanupWorker();
    try {
      await expect.poll(() => job?.getState(), { timeout: 10_000 }).toBe("completed");
    } finally {
      await worker.close();
    }

    const finished = await cleanupQueue.queue.getJob(cleanupJobId(target.keyId));
    expect(finished?.returnvalue).toBe("skipped");
    expect((await expiryRecords(project.id)).events).toHaveLength(0);
  });

  it("run for a deleted project: nothing to do, nothing written", async () => {
    const { project, target, afterExpiry } = await rotation();
    await getDb().delete(projects).where(eq(projects.id, project.id));

    const outcome = await handleCleanup(getDb(), target, afterExpiry);

    expect(outcome).toEqual({ status: "skipped", reason: "key_gone" });
    expect((await expiryRecords(project.id)).events).toHaveLength(0);
  });

  it("run before the expiry: the key stays, the real job waits for it again", async () => {
    const { project, result, target } = await rotation();
    expect(await handleCleanup(getDb(), target)).toEqual({
      status: "not_due",
      expiresAt: new Date(result.oldKey.expiresAt),
    });

    const job = await cleanupQueue.queue.getJob(cleanupJobId(target.keyId));
    await job?.promote();
    const worker = startCleanupWorker();
    try {
      // Promoted, it ran once (processedOn is set) and went back to the delayed set.
      await expect
        .poll(
          async () => {
            const again = await cleanupQueue.queue.getJob(cleanupJobId(target.keyId));
            return again?.processedOn !== undefined && (await again?.getState()) === "delayed";
          },
          { timeout: 10_000 },
        )
        .toBe(true);
    } finally {
      await worker.close();
    }
    const again = await cleanupQueue.queue.getJob(cleanupJobId(target.keyId));
    // Delayed again until the key's own expiry, not by a retry backoff.
    const runsAt = (again?.processedOn ?? 0) + (again?.delay ?? 0);
    expect(Math.abs(runsAt - Date.parse(result.oldKey.expiresAt))).toBeLessThan(2_000);
    expect((await keysOf(project.id)).find((k) => k.id === target.keyId)?.retiredAt).toBeNull();
    expect((await expiryRecords(project.id)).events).toHaveLength(0);
  });

  it("the worker retires a key whose grace ended, from the job the rotation enqueued", async () => {
    const { project, target } = await rotation();
    // Stands in for the hour of grace passing: the job reads the expiry from the database.
    const past = new Date(Date.now() - 1_000);
    await getDb().update(apiKeys).set({ expiresAt: past }).where(eq(apiKeys.id, target.keyId));

    const job = await cleanupQueue.queue.getJob(cleanupJobId(target.keyId));
    await job?.promote();
    const worker = startCleanupWorker();
    try {
      await expect.poll(() => job?.getState(), { timeout: 10_000 }).toBe("completed");
    } finally {
      await worker.close();
    }

    const row = (await keysOf(project.id)).find((k) => k.id === target.keyId);
    expect(row?.retiredAt).not.toBeNull();
    const { events, emails } = await expiryRecords(project.id);
    expect(events).toHaveLength(1);
    expect(emails).toHaveLength(1);
  });

  it("fails a malformed payload at once, without retrying it", async () => {
    await expect(handleCleanup(getDb(), { keyId: "not-a-uuid" })).rejects.toBeInstanceOf(
      UnrecoverableError,
    );

    const job = await cleanupQueue.queue.add("retire-key", { keyId: 7 } as never, {
      attempts: 5,
      jobId: `cleanup-malformed-${Date.now()}`,
    });
    const worker = startCleanupWorker();
    try {
      await expect.poll(() => job.getState(), { timeout: 10_000 }).toBe("failed");
    } finally {
      await worker.close();
    }
    const failed = await cleanupQueue.queue.getJob(job.id ?? "");
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/invalid cleanup payload/);
    await failed?.remove();
  });
});
