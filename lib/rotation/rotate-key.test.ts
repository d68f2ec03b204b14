import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, endUserSessions, endUsers, projects } from "@/db/schema";
import { keyRotatedEmailSchema } from "@/lib/email/email-data.schema";
import { EMAIL_QUEUE_NAME, emailJobId } from "@/lib/email/email-queue";
import { env } from "@/lib/env";
import { hashKey, parseKey } from "@/lib/keys/key-format";
import { KEY_INVALIDATION_CHANNEL } from "@/lib/verification/invalidation-channel";
import { CLEANUP_QUEUE_NAME, cleanupJobId } from "@/workers/key-rotation-cleanup/cleanup.queue";
import { GRACE_PERIODS } from "./grace-periods";
import { PROJECT_NOT_FOUND, rotateKey } from "./rotate-key";
import {
  auditOf,
  closeAppConnections,
  inspectQueue,
  keysOf,
  outboxOf,
  type QueueHandle,
  type TestDeveloper,
  trackTestData,
  verdictAt,
} from "./test-fixtures";

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

async function rotated(developer: TestDeveloper, input: Record<string, unknown>) {
  const result = await rotateKey(getDb(), developer.actor, input);
  if (!result.ok) throw new Error(`rotation refused: ${result.error.message}`);
  return result;
}

/** An end user with a refresh session and an access token, as the public API issues them. */
async function endUserWithTokens(project: { id: string; jwtSecret: string }) {
  const db = getDb();
  const [user] = await db
    .insert(endUsers)
    .values({ projectId: project.id, email: `u-${randomUUID()}@example.com`, passwordHash: "x" })
    .returning();
  if (!user) throw new Error("no end user");
  const refreshToken = randomUUID();
  const [refresh] = await db
    .insert(endUserSessions)
    .values({
      projectId: project.id,
      endUserId: user.id,
      tokenHash: createHash("sha256").update(refreshToken).digest("hex"),
      expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    })
    .returning();
  const accessToken = await new SignJWT({ sub: user.id })
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime("15m")
    .sign(new TextEncoder().encode(project.jwtSecret));
  return { refresh, accessToken };
}

async function projectRow(projectId: string) {
  const [row] = await getDb().select().from(projects).where(eq(projects.id, projectId));
  if (!row) throw new Error("project vanished");
  return row;
}

describe("rotateKey", () => {
  it("pk rotation keeps sk, JWT secret, tokens; old key works until expiry only", async () => {
    const { developer, project, keys } = await testData.ownerWithProject();
    const { refresh, accessToken } = await endUserWithTokens(project);
    const secretBefore = (await keysOf(project.id)).find((k) => k.type === "secret");

    const result = await rotated(developer, {
      projectId: project.id,
      keyType: "publishable",
      grace: "1h",
    });
    const expiresAtMs = Date.parse(result.oldKey.expiresAt);
    const now = Date.now();

    expect(await verdictAt(result.key, now)).toBe("current");
    expect(await verdictAt(keys.publishable, now)).toBe("grace");
    expect(await verdictAt(keys.secret, now)).toBe("current");

    // Judged by the clock alone: no worker runs in this file and the key is never retired.
    expect(await verdictAt(keys.publishable, expiresAtMs - 1)).toBe("grace");
    expect(await verdictAt(keys.publishable, expiresAtMs)).toBe("expired");
    expect(await verdictAt(keys.publishable, expiresAtMs + 60_000)).toBe("expired");
    expect(await verdictAt(keys.secret, expiresAtMs + 60_000)).toBe("current");
    expect(await verdictAt(result.key, expiresAtMs + 60_000)).toBe("current");

    const oldRow = (await keysOf(project.id)).find((k) => k.id === result.oldKey.id);
    expect(oldRow?.retiredAt).toBeNull();
    const secretAfter = (await keysOf(project.id)).find((k) => k.type === "secret");
    expect(secretAfter).toEqual(secretBefore);

    const after = await projectRow(project.id);
    expect(after.jwtSecret).toBe(project.jwtSecret);
    const verified = await jwtVerify(accessToken, new TextEncoder().encode(after.jwtSecret));
    expect(verified.payload.sub).toBeTruthy();
    const [session] = await getDb()
      .select()
      .from(endUserSessions)
      .where(eq(endUserSessions.id, refresh?.id ?? ""));
    expect(session).toEqual(refresh);
  });

  it("rotating the secret key leaves the publishable key and JWT secret alone", async () => {
    const { developer, project, keys } = await testData.ownerWithProject();
    const publishableBefore = (await keysOf(project.id)).find((k) => k.type === "publishable");

    const result = await rotated(developer, {
      projectId: project.id,
      keyType: "secret",
      grace: "24h",
    });

    const publishableAfter = (await keysOf(project.id)).find((k) => k.type === "publishable");
    expect(publishableAfter).toEqual(publishableBefore);
    expect((await projectRow(project.id)).jwtSecret).toBe(project.jwtSecret);
    expect(await verdictAt(keys.publishable, Date.now())).toBe("current");
    expect(await verdictAt(keys.secret, Date.now())).toBe("grace");
    expect(await verdictAt(result.key, Date.now())).toBe("current");
  });

  it("gives each grace choice its exact UTC instant, with audit, email and jobs", async () => {
    const { developer, project } = await testData.ownerWithProject();

    for (const period of GRACE_PERIODS.filter((p) => p.seconds > 0)) {
      const before = Date.now();
      const result = await rotated(developer, {
        projectId: project.id,
        keyType: "secret",
        grace: period.id,
      });
      const rotatedAt = Date.parse(result.oldKey.deprecatedAt);
      expect(rotatedAt).toBeGreaterThanOrEqual(before);
      expect(rotatedAt).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(result.oldKey.expiresAt) - rotatedAt).toBe(period.seconds * 1000);
      expect(result.oldKey.expiresAt.endsWith("Z")).toBe(true);
      expect(result.oldKey.revokedAt).toBeNull();

      await expectRotationRecorded(project.id, developer, result, period.seconds);
      const job = await cleanupQueue.queue.getJob(cleanupJobId(result.oldKey.id));
      expect(job?.data).toEqual({ keyId: result.oldKey.id, projectId: project.id });
      expect(await job?.getState()).toBe("delayed");
      const runsAt = (job?.timestamp ?? 0) + (job?.opts.delay ?? 0);
      expect(Math.abs(runsAt - Date.parse(result.oldKey.expiresAt))).toBeLessThan(2_000);
    }
  });

  it("revokes the old key at once when immediate, and publishes the invalidation", async () => {
    const { developer, project, keys } = await testData.ownerWithProject();
    const subscriber = new Redis(env().REDIS_URL);
    const heard: string[] = [];
    subscriber.on("message", (_channel, message) => heard.push(message));
    await subscriber.subscribe(KEY_INVALIDATION_CHANNEL);

    const result = await rotated(developer, {
      projectId: project.id,
      keyType: "secret",
      grace: "immediately",
    });

    expect(result.oldKey.revokedAt).toBe(result.oldKey.deprecatedAt);
    expect(result.oldKey.expiresAt).toBe(result.oldKey.deprecatedAt);
    expect(await verdictAt(keys.secret, Date.now())).toBe("revoked");
    expect(await verdictAt(result.key, Date.now())).toBe("current");
    const oldRow = (await keysOf(project.id)).find((k) => k.id === result.oldKey.id);
    expect(oldRow?.retiredAt?.toISOString()).toBe(result.oldKey.deprecatedAt);

    await expectRotationRecorded(project.id, developer, result, 0);
    expect(await cleanupQueue.queue.getJob(cleanupJobId(result.oldKey.id))).toBeUndefined();
    await expect.poll(() => heard).toContainEqual(JSON.stringify({ keyId: result.oldKey.id }));
    await subscriber.quit();
  });

  it("a second rotation keeps the first old key's expiry; three valid, each ends", async () => {
    const { developer, project, keys } = await testData.ownerWithProject();
    const first = await rotated(developer, {
      projectId: project.id,
      keyType: "secret",
      grace: "24h",
    });
    const second = await rotated(developer, {
      projectId: project.id,
      keyType: "secret",
      grace: "7d",
    });

    const firstExpiry = Date.parse(first.oldKey.expiresAt);
    const secondExpiry = Date.parse(second.oldKey.expiresAt);
    const rows = await keysOf(project.id);
    const firstRow = rows.find((k) => k.id === first.oldKey.id);
    expect(firstRow?.expiresAt?.getTime()).toBe(firstExpiry);
    expect(second.oldKey.id).toBe(first.newKey.id);

    const now = Date.now();
    expect(await verdictAt(keys.secret, now)).toBe("grace");
    expect(await verdictAt(first.key, now)).toBe("grace");
    expect(await verdictAt(second.key, now)).toBe("current");

    expect(await verdictAt(keys.secret, firstExpiry - 1)).toBe("grace");
    expect(await verdictAt(keys.secret, firstExpiry)).toBe("expired");
    expect(await verdictAt(first.key, firstExpiry)).toBe("grace");
    expect(await verdictAt(first.key, secondExpiry - 1)).toBe("grace");
    expect(await verdictAt(first.key, secondExpiry)).toBe("expired");
    expect(await verdictAt(second.key, secondExpiry)).toBe("current");
    expect(rows.filter((k) => k.type === "secret")).toHaveLength(3);
  });

  it("returns the new key once and stores only its hash", async () => {
    const { developer, project } = await testData.ownerWithProject();
    const result = await rotated(developer, {
      projectId: project.id,
      keyType: "secret",
      grace: "1h",
    });

    const parsed = parseKey(result.key);
    expect(parsed?.type).toBe("secret");
    expect(result.newKey.maskedKey).toBe(`sk_live_…${result.key.slice(-4)}`);
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, result.newKey.id));
    expect(row?.hash).toBe(hashKey(result.key));
    expect(row?.createdBy).toBe(developer.actor.id);

    const stored = JSON.stringify([
      await keysOf(project.id),
      await auditOf(project.id),
      await outboxOf(project.id),
    ]);
    expect(stored).not.toContain(result.key);
    expect(stored).not.toContain(result.key.slice(8, 30));
  });

  it("refuses tampered input with a clear error and changes nothing", async () => {
    const { developer, project } = await testData.ownerWithProject();
    const other = await testData.ownerWithProject();
    const base = { projectId: project.id, keyType: "secret", grace: "24h" };
    const graceError = "Choose a grace period: immediately, 1 hour, 24 hours or 7 days.";
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, grace: -1 }, "invalid_input", graceError],
      [{ ...base, grace: 0.5 }, "invalid_input", graceError],
      [{ ...base, grace: "24" }, "invalid_input", graceError],
      [{ ...base, grace: 10 ** 12 }, "invalid_input", graceError],
      [{ ...base, grace: "8d" }, "invalid_input", graceError],
      [{ projectId: project.id, keyType: "secret" }, "invalid_input", graceError],
      [
        { ...base, keyType: "master" },
        "invalid_input",
        "Choose the publishable key or the secret key.",
      ],
      [{ ...base, projectId: "../etc" }, "invalid_input", "This project does not exist."],
      [{ ...base, projectId: other.project.id }, "not_found", PROJECT_NOT_FOUND],
      [{ ...base, projectId: randomUUID() }, "not_found", PROJECT_NOT_FOUND],
    ];
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          [project.id, other.project.id].flatMap((id) => [keysOf(id), auditOf(id), outboxOf(id)]),
        ),
      );
    const before = await snapshot();
    const currentIds = [...(await keysOf(project.id)), ...(await keysOf(other.project.id))].map(
      (k) => k.id,
    );

    for (const [input, code, message] of cases) {
      const result = await rotateKey(getDb(), developer.actor, input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code, message } });
    }

    expect(await snapshot()).toBe(before);
    for (const id of currentIds) {
      expect(await cleanupQueue.queue.getJob(cleanupJobId(id))).toBeUndefined();
    }
  });

  it("allows 10 rotations per project per hour and says plainly how long to wait", async () => {
    const { developer, project } = await testData.ownerWithProject();
    const input = { projectId: project.id, keyType: "publishable", grace: "1h" };
    for (let i = 0; i < 10; i += 1) await rotated(developer, input);
    const keysBefore = await keysOf(project.id);

    const refused = await rotateKey(getDb(), developer.actor, input);

    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe("rate_limited");
    expect(refused.error.message).toMatch(/rotated 10 times in the last hour/);
    expect(refused.error.message).toMatch(/again in 60 minutes/);
    expect(refused.error.retryAfterSeconds).toBeGreaterThan(3500);
    expect(refused.error.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await keysOf(project.id)).toEqual(keysBefore);
  });
});

async function expectRotationRecorded(
  projectId: string,
  developer: TestDeveloper,
  result: Awaited<ReturnType<typeof rotated>>,
  graceSeconds: number,
) {
  const events = (await auditOf(projectId)).filter(
    (e) => e.action === "api_key.rotated" && e.keyId === result.oldKey.id,
  );
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    actorType: "developer",
    actorId: developer.actor.id,
    actorEmail: developer.actor.email,
    ipAddress: "203.0.113.9",
    userAgent: "rotation-tests",
    keyType: result.oldKey.type,
    keyPrefix: result.oldKey.prefix,
    keyLastFour: result.oldKey.lastFour,
    graceSeconds,
    keyExpiresAt: new Date(result.oldKey.expiresAt),
    metadata: expect.objectContaining({ newKeyId: result.newKey.id }),
  });

  const messages = (await outboxOf(projectId)).filter(
    (m) => m.dedupeKey === `key-rotated:${result.oldKey.id}`,
  );
  expect(messages).toHaveLength(1);
  const message = messages[0];
  expect(message?.recipient).toBe(developer.actor.email);
  const data = keyRotatedEmailSchema.parse(message?.data);
  expect(data).toMatchObject({
    maskedKey: result.oldKey.maskedKey,
    newMaskedKey: result.newKey.maskedKey,
    graceSeconds,
    oldKeyExpiresAt: result.oldKey.expiresAt,
    rotatedAt: result.oldKey.deprecatedAt,
  });
  expect(await emailQueue.queue.getJob(emailJobId(message?.id ?? ""))).toBeDefined();
}
