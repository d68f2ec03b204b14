import { Writable } from "node:stream";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listKeysForProject } from "@/db/api-keys";
import { auditEvents, emailMessages } from "@/db/schema";
import { auditCsvStream } from "@/lib/audit/audit-csv-stream";
import { closeEmailQueue, emailJobId, getEmailQueue } from "@/lib/email/email-queue";
import { createLocalTransport } from "@/lib/email/transports/local-transport";
import { hashKey } from "@/lib/keys/key-format";
import { closeRedis } from "@/lib/redis";
import { retireExpiredKey } from "@/lib/rotation/retire-expired-key";
import { revokePreviousKey } from "@/lib/rotation/revoke-key";
import { rotateKey } from "@/lib/rotation/rotate-key";
import { createEmailProcessor } from "@/workers/email/email.processor";
import {
  cleanupJobId,
  closeCleanupQueue,
  getCleanupQueue,
} from "@/workers/key-rotation-cleanup/cleanup.queue";
import {
  connectTestDb,
  createDeveloper,
  createOwnedProject,
  type DeveloperActor,
} from "./owner-fixtures";

const { db, sql } = connectTestDb();
const APP_URL = "http://localhost:3131";
const HOUR = 60 * 60 * 1000;
const logLines: string[] = [];
const capturedLog = pino(
  { level: "trace" },
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);
const processEmail = createEmailProcessor({
  db,
  transport: createLocalTransport(),
  from: "Rekey <rekey@example.com>",
  appUrl: APP_URL,
  log: capturedLog,
});

const projectIds: string[] = [];
let owner: DeveloperActor;

beforeAll(async () => {
  owner = await createDeveloper(db, "rotation-mail-owner");
});

afterAll(async () => {
  // The jobs the rotations enqueued: no worker runs during these tests to take them, and
  // other files share the queues, so only this file's jobs are removed.
  for (const projectId of projectIds) {
    for (const row of await outboxOf(projectId)) await getEmailQueue().remove(emailJobId(row.id));
    for (const key of await listKeysForProject(db, projectId)) {
      await getCleanupQueue().remove(cleanupJobId(key.id));
    }
  }
  await Promise.all([closeEmailQueue(), closeCleanupQueue()]);
  await closeRedis();
  await sql.end({ timeout: 5 });
});

function fakeJob(messageId: string) {
  return { id: emailJobId(messageId), data: { messageId }, opts: { attempts: 5 }, attemptsMade: 0 };
}

async function rotate(projectId: string, keyType: string, grace: string) {
  const result = await rotateKey(db, owner, { projectId, keyType, grace });
  if (!result.ok) throw new Error(`rotation refused: ${result.error.message}`);
  return result;
}

async function outboxOf(projectId: string) {
  return db.select().from(emailMessages).where(eq(emailMessages.projectId, projectId));
}

async function sendAll(projectId: string) {
  for (const row of await outboxOf(projectId)) {
    await processEmail(fakeJob(row.id) as never);
  }
  return outboxOf(projectId);
}

describe("a rotation", () => {
  it("produces exactly one email and one audit event, with the right links", async () => {
    const created = await createOwnedProject(db, owner);
    const projectId = created.project.id;
    projectIds.push(projectId);

    await rotate(projectId, "secret", "24h");

    const rotations = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.projectId, projectId), eq(auditEvents.action, "api_key.rotated")));
    expect(rotations).toHaveLength(1);
    expect(rotations[0]).toMatchObject({ actorEmail: owner.email, keyType: "secret" });

    const outbox = await outboxOf(projectId);
    expect(outbox).toHaveLength(1);
    const [row] = outbox;
    expect(row).toMatchObject({ template: "key-rotated", recipient: owner.email });
    expect(await getEmailQueue().getJob(emailJobId(row?.id as string))).toBeTruthy();

    const [sent] = await sendAll(projectId);
    expect(sent).toMatchObject({ status: "sent", attempts: 1 });
    expect(sent?.subject).toBe(`[Rekey] Secret key rotated for ${created.project.name}`);
    expect(sent?.html).toContain(`href="${APP_URL}/projects/${projectId}/settings"`);
    expect(sent?.html).toContain(`href="${APP_URL}/projects/${projectId}/audit"`);
    expect(sent?.text).toContain(`sk_live_…${created.keys.secret.slice(-4)}`);

    // The job running again, as after a worker restart, sends nothing more.
    await expect(processEmail(fakeJob(row?.id as string) as never)).resolves.toEqual({
      outcome: "skipped",
      status: "sent",
    });
  });
});

describe("key material", () => {
  it("never appears in an email, an audit row, a CSV cell or a log line", async () => {
    const created = await createOwnedProject(db, owner);
    const projectId = created.project.id;
    projectIds.push(projectId);
    const keys = [created.keys.publishable, created.keys.secret];

    // Rotated, then the old secret key revoked early.
    const secret = await rotate(projectId, "secret", "1h");
    keys.push(secret.key);
    const revoked = await revokePreviousKey(db, owner, { projectId, keyId: secret.oldKey.id });
    expect(revoked.ok).toBe(true);

    // Rotated, then the old publishable key left to expire; then rotated with no grace.
    const publishable = await rotate(projectId, "publishable", "1h");
    keys.push(publishable.key);
    const retired = await retireExpiredKey(
      db,
      { projectId, keyId: publishable.oldKey.id },
      { now: new Date(Date.now() + 2 * HOUR) },
    );
    expect(retired.status).toBe("retired");
    keys.push((await rotate(projectId, "publishable", "immediately")).key);

    const outbox = await sendAll(projectId);
    expect(outbox.map((row) => row.template).sort()).toEqual([
      "key-expired",
      "key-revoked",
      "key-rotated",
      "key-rotated",
      "key-rotated",
    ]);
    expect(outbox.every((row) => row.status === "sent")).toBe(true);

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.projectId, projectId));
    const csv = await new Response(
      auditCsvStream(db, { projectId, ownerId: owner.id }, {}, capturedLog),
    ).text();

    const secrets = [...keys, ...keys.map(hashKey)];
    const storedHashes = (await listKeysForProject(db, projectId)).map((key) => key.hash);
    expect(storedHashes.sort()).toEqual(keys.map(hashKey).sort());

    const haystacks = {
      emails: outbox.map((row) => [row.subject, row.html, row.text, row.lastError]).join("\n"),
      outboxData: JSON.stringify(outbox.map((row) => row.data)),
      audit: JSON.stringify(audit),
      csv,
      logs: logLines.join(""),
    };
    // The checks below are only meaningful if each place holds what it should.
    expect(haystacks.emails).toContain(`sk_live_…${created.keys.secret.slice(-4)}`);
    expect(csv.split("\r\n").length).toBeGreaterThan(audit.length);
    expect(haystacks.logs).toContain("email sent");

    for (const [place, text] of Object.entries(haystacks)) {
      for (const secretValue of secrets) {
        expect(text.includes(secretValue), `${place} holds key material`).toBe(false);
      }
      expect(text, `${place} holds something shaped like a full key`).not.toMatch(
        /[ps]k_live_[0-9A-Za-z]{20,}/,
      );
    }
  });
});
