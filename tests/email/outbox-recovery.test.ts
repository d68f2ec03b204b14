import { eq, sql as raw } from "drizzle-orm";
import type { Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import {
  claimOutboxMessage,
  findOutboxMessage,
  findOutboxRowsToRetry,
  releaseStuckOutboxMessages,
  STUCK_SENDING_MS,
} from "@/db/email-messages";
import { emailMessages } from "@/db/schema";
import { getEmailQueue } from "@/lib/email/email-queue";
import { EMAIL_MAX_ATTEMPTS } from "@/lib/email/enqueue-email-retry";
import { retryUnsentEmails } from "@/lib/email/retry-unsent-emails";
import { closeRedis } from "@/lib/redis";
import {
  connectOwnTestDb,
  createDeveloper,
  createOwnedProject,
  type DeveloperActor,
  writeRotatedOutboxRow,
} from "./owner-fixtures";

// retryUnsentEmails scans every project's outbox: this file keeps its rows to itself.
let db: Database;
let sql: Sql;
const HOUR_AGO = raw`now() - interval '1 hour'`;

const written: string[] = [];
let owner: DeveloperActor;
let project: Awaited<ReturnType<typeof createOwnedProject>>;

beforeAll(async () => {
  ({ db, sql } = await connectOwnTestDb("outbox"));
  owner = await createDeveloper(db, "recovery-owner");
  project = await createOwnedProject(db, owner);
});

afterAll(async () => {
  // The jobs this file enqueued would otherwise wait for a worker of a later run.
  const mine = new Set(written);
  const jobs = await getEmailQueue().getJobs(["waiting", "delayed", "completed", "failed"]);
  await Promise.all(jobs.filter((job) => mine.has(job.data.messageId)).map((job) => job.remove()));
  await getEmailQueue().close();
  await closeRedis();
  await sql.end({ timeout: 5 });
});

async function pendingRow() {
  const row = await writeRotatedOutboxRow(db, project, owner);
  written.push(row.id);
  return row;
}

/** A row whose worker claimed it an hour ago and then died. */
async function stuckRow(attempts: number) {
  const row = await pendingRow();
  await claimOutboxMessage(db, row.id);
  await db
    .update(emailMessages)
    .set({ attempts, sentAt: HOUR_AGO, createdAt: HOUR_AGO })
    .where(eq(emailMessages.id, row.id));
  return row;
}

describe("stuck and lost outbox rows", () => {
  it("puts a stuck row back to pending, or fails it when its attempts are spent", async () => {
    const recoverable = await stuckRow(2);
    const exhausted = await stuckRow(EMAIL_MAX_ATTEMPTS);
    const live = await pendingRow();
    await claimOutboxMessage(db, live.id);

    const moved = await releaseStuckOutboxMessages(db, {
      stuckBefore: new Date(Date.now() - STUCK_SENDING_MS),
      maxAttempts: EMAIL_MAX_ATTEMPTS,
    });

    const byId = new Map(moved.map((row) => [row.id, row.status]));
    expect(byId.get(recoverable.id)).toBe("pending");
    expect(byId.get(exhausted.id)).toBe("failed");
    expect(byId.has(live.id)).toBe(false);
    expect((await findOutboxMessage(db, live.id))?.status).toBe("sending");
    expect((await findOutboxMessage(db, recoverable.id))?.lastError).toMatch(/stopped/);
  });

  it("finds old pending rows with attempts left, never failed or fresh ones", async () => {
    const lost = await pendingRow();
    const fresh = await pendingRow();
    const failed = await pendingRow();
    await db
      .update(emailMessages)
      .set({ createdAt: HOUR_AGO })
      .where(eq(emailMessages.id, lost.id));
    await db
      .update(emailMessages)
      .set({ createdAt: HOUR_AGO, status: "failed" })
      .where(eq(emailMessages.id, failed.id));

    const rows = await findOutboxRowsToRetry(db, {
      olderThan: new Date(Date.now() - 60_000),
      maxAttempts: EMAIL_MAX_ATTEMPTS,
      limit: 1000,
    });
    const ids = rows.map((row) => row.id);
    expect(ids).toContain(lost.id);
    expect(ids).not.toContain(fresh.id);
    expect(ids).not.toContain(failed.id);
  });

  it("re-enqueues recovered rows under a new, deterministic job id", async () => {
    const stuck = await stuckRow(1);

    const result = await retryUnsentEmails(db);
    expect(result.released).toBeGreaterThanOrEqual(1);

    const jobId = `email-${stuck.id}-retry-1`;
    const job = await getEmailQueue().getJob(jobId);
    expect(job?.data).toEqual({ messageId: stuck.id });
    expect((await findOutboxMessage(db, stuck.id))?.status).toBe("pending");

    // A second pass enqueues nothing new for the same row state.
    await retryUnsentEmails(db);
    const jobs = await getEmailQueue().getJobs(["waiting", "delayed", "active", "completed"]);
    expect(jobs.filter((j) => j.data.messageId === stuck.id)).toHaveLength(1);
  });
});
