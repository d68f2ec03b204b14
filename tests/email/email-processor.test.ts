import { randomUUID } from "node:crypto";
import { type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOutboxMessage } from "@/db/email-messages";
import { emailMessages } from "@/db/schema";
import { createLocalTransport } from "@/lib/email/transports/local-transport";
import { createResendTransport } from "@/lib/email/transports/resend-transport";
import { createEmailProcessor, type EmailProcessorDeps } from "@/workers/email/email.processor";
import {
  connectTestDb,
  createDeveloper,
  createOwnedProject,
  type DeveloperActor,
  writeRotatedOutboxRow,
} from "./owner-fixtures";
import { resendError, resendOk, startResendStandIn } from "./resend-stand-in";

const { db, sql } = connectTestDb();
const redis = new Redis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
const APP_URL = "http://localhost:3131";
const silent = pino({ level: "silent" });

let owner: DeveloperActor;
let project: Awaited<ReturnType<typeof createOwnedProject>>;

beforeAll(async () => {
  owner = await createDeveloper(db, "mail-owner");
  project = await createOwnedProject(db, owner);
});

afterAll(async () => {
  await redis.quit();
  await sql.end({ timeout: 5 });
});

function deps(overrides: Partial<EmailProcessorDeps>): EmailProcessorDeps {
  return {
    db,
    transport: createLocalTransport(),
    from: "Rekey <rekey@example.com>",
    appUrl: APP_URL,
    log: silent,
    ...overrides,
  };
}

/** The fields of a BullMQ job the processor reads, for calling it directly. */
function fakeJob(data: unknown, attempt = { made: 0, of: 5 }): Job {
  return {
    id: `job-${randomUUID()}`,
    data,
    opts: { attempts: attempt.of },
    attemptsMade: attempt.made,
  } as unknown as Job;
}

async function rowOf(id: string) {
  const row = await findOutboxMessage(db, id);
  if (!row) throw new Error(`outbox row ${id} is missing`);
  return row;
}

describe("email processor, called directly", () => {
  it("sends through the local transport and stores what went out", async () => {
    const row = await writeRotatedOutboxRow(db, project, owner);
    const result = await createEmailProcessor(deps({}))(fakeJob({ messageId: row.id }));

    expect(result.outcome).toBe("sent");
    const sent = await rowOf(row.id);
    expect(sent.status).toBe("sent");
    expect(sent.attempts).toBe(1);
    expect(sent.providerId).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.subject).toBe(`[Rekey] Secret key rotated for ${project.project.name}`);
    expect(sent.html).toContain(`${APP_URL}/projects/${project.project.id}/settings`);
    expect(sent.text).toContain(`${APP_URL}/projects/${project.project.id}/audit`);
  });

  it("sends once when the same row's job runs twice at the same time", async () => {
    const standIn = await startResendStandIn(resendOk("re_once"));
    try {
      const row = await writeRotatedOutboxRow(db, project, owner);
      const transport = createResendTransport({ apiKey: "re_k", baseUrl: standIn.baseUrl });
      const process = createEmailProcessor(deps({ transport }));

      const results = await Promise.all([
        process(fakeJob({ messageId: row.id })),
        process(fakeJob({ messageId: row.id })),
      ]);

      expect(standIn.requests).toHaveLength(1);
      expect(results.map((r) => r.outcome).sort()).toEqual(["sent", "skipped"]);
      const sent = await rowOf(row.id);
      expect(sent).toMatchObject({ status: "sent", attempts: 1, providerId: "re_once" });

      // And a third run, long after, finds nothing to do.
      await expect(process(fakeJob({ messageId: row.id }))).resolves.toEqual({
        outcome: "skipped",
        status: "sent",
      });
      expect(standIn.requests).toHaveLength(1);
    } finally {
      await standIn.close();
    }
  });

  it("fails a bad payload without retry", async () => {
    const process = createEmailProcessor(deps({}));
    await expect(process(fakeJob({ messageId: "not-a-uuid" }))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    await expect(process(fakeJob(null))).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it("marks a row whose data breaks the template contract failed, without sending", async () => {
    const row = await writeRotatedOutboxRow(db, project, owner, { projectId: "nope" });
    const process = createEmailProcessor(deps({}));

    await expect(process(fakeJob({ messageId: row.id }))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    const failed = await rowOf(row.id);
    expect(failed.status).toBe("failed");
    expect(failed.providerId).toBeNull();
    expect(failed.lastError).toMatch(/does not match the key-rotated template/);
  });

  it("puts a failed attempt back to pending, and marks the last one failed", async () => {
    const standIn = await startResendStandIn(resendError(503, "application_error", "busy"));
    try {
      const row = await writeRotatedOutboxRow(db, project, owner);
      const transport = createResendTransport({ apiKey: "re_k", baseUrl: standIn.baseUrl });
      const process = createEmailProcessor(deps({ transport }));

      await expect(process(fakeJob({ messageId: row.id }))).rejects.toThrow(/HTTP 503/);
      expect(await rowOf(row.id)).toMatchObject({ status: "pending", attempts: 1 });

      const last = fakeJob({ messageId: row.id }, { made: 4, of: 5 });
      await expect(process(last)).rejects.toThrow(/HTTP 503/);
      const failed = await rowOf(row.id);
      expect(failed).toMatchObject({ status: "failed", attempts: 2 });
      expect(failed.lastError).toBe("Resend application_error (HTTP 503): busy");
      // Rendered anyway, so the mailbox can show what could not be sent.
      expect(failed.subject).toContain("Secret key rotated");
    } finally {
      await standIn.close();
    }
  });
});

describe("email processor, through BullMQ", () => {
  async function runQueue(
    processorDeps: EmailProcessorDeps,
    messageId: string,
    opts: { attempts: number },
  ) {
    const name = `email-test-${randomUUID()}`;
    const queue = new Queue(name, { connection: redis });
    const worker = new Worker(name, createEmailProcessor(processorDeps), {
      connection: redis.duplicate(),
    });
    try {
      const job = await queue.add(
        "send",
        { messageId },
        { attempts: opts.attempts, backoff: { type: "exponential", delay: 20 } },
      );
      const state = await waitForFinalState(queue, job.id as string);
      const finished = await queue.getJob(job.id as string);
      return { state, attemptsMade: finished?.attemptsMade ?? -1 };
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }

  async function waitForFinalState(queue: Queue, jobId: string): Promise<string> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const state = await queue.getJobState(jobId);
      if (state === "completed" || state === "failed") return state;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  it("retries a returned error with backoff, then sends", async () => {
    const standIn = await startResendStandIn((index) =>
      index < 2 ? resendError(500, "application_error", "try later") : resendOk("re_third"),
    );
    try {
      const row = await writeRotatedOutboxRow(db, project, owner);
      const transport = createResendTransport({ apiKey: "re_k", baseUrl: standIn.baseUrl });

      const run = await runQueue(deps({ transport }), row.id, { attempts: 5 });

      expect(run.state).toBe("completed");
      expect(standIn.requests).toHaveLength(3);
      const keys = new Set(standIn.requests.map((r) => r.headers["idempotency-key"]));
      expect([...keys]).toEqual([row.id]);
      expect(await rowOf(row.id)).toMatchObject({
        status: "sent",
        attempts: 3,
        providerId: "re_third",
        lastError: null,
      });
    } finally {
      await standIn.close();
    }
  });

  it("marks the row failed after the last attempt and stops", async () => {
    const standIn = await startResendStandIn(resendError(500, "application_error", "down"));
    try {
      const row = await writeRotatedOutboxRow(db, project, owner);
      const transport = createResendTransport({ apiKey: "re_k", baseUrl: standIn.baseUrl });

      const run = await runQueue(deps({ transport }), row.id, { attempts: 3 });

      expect(run).toEqual({ state: "failed", attemptsMade: 3 });
      expect(standIn.requests).toHaveLength(3);
      const failed = await rowOf(row.id);
      expect(failed).toMatchObject({ status: "failed", attempts: 3, providerId: null });
      expect(failed.lastError).toBe("Resend application_error (HTTP 500): down");
    } finally {
      await standIn.close();
    }
  });

  it("fails a refused message at once", async () => {
    const standIn = await startResendStandIn(resendError(422, "validation_error", "bad to"));
    try {
      const row = await writeRotatedOutboxRow(db, project, owner);
      const transport = createResendTransport({ apiKey: "re_k", baseUrl: standIn.baseUrl });

      const run = await runQueue(deps({ transport }), row.id, { attempts: 5 });

      expect(run).toEqual({ state: "failed", attemptsMade: 1 });
      expect(standIn.requests).toHaveLength(1);
      expect(await rowOf(row.id)).toMatchObject({ status: "failed", attempts: 1 });
    } finally {
      await standIn.close();
    }
  });

  it("records a timeout as the reason and retries it", async () => {
    const standIn = await startResendStandIn({ hang: true });
    try {
      const row = await writeRotatedOutboxRow(db, project, owner);
      const transport = createResendTransport({
        apiKey: "re_k",
        baseUrl: standIn.baseUrl,
        timeoutMs: 200,
      });

      const run = await runQueue(deps({ transport }), row.id, { attempts: 2 });

      expect(run).toEqual({ state: "failed", attemptsMade: 2 });
      expect(standIn.requests).toHaveLength(2);
      const failed = await rowOf(row.id);
      expect(failed.status).toBe("failed");
      expect(failed.lastError).toBe("Resend did not answer within 200 ms");
    } finally {
      await standIn.close();
    }
  });
});

describe("outbox rows of other states", () => {
  it("leaves a failed row alone", async () => {
    const row = await writeRotatedOutboxRow(db, project, owner);
    await db.update(emailMessages).set({ status: "failed" }).where(eq(emailMessages.id, row.id));

    const result = await createEmailProcessor(deps({}))(fakeJob({ messageId: row.id }));
    expect(result).toEqual({ outcome: "skipped", status: "failed" });
    expect((await rowOf(row.id)).attempts).toBe(0);
  });

  it("skips a row that no longer exists", async () => {
    const result = await createEmailProcessor(deps({}))(fakeJob({ messageId: randomUUID() }));
    expect(result).toEqual({ outcome: "skipped", status: "missing" });
  });
});
