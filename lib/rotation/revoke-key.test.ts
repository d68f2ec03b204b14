import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { keyRevokedEmailSchema } from "@/lib/email/email-data.schema";
import { EMAIL_QUEUE_NAME, emailJobId } from "@/lib/email/email-queue";
import { env } from "@/lib/env";
import { KEY_INVALIDATION_CHANNEL } from "@/lib/verification/invalidation-channel";
import { handleCleanup } from "@/workers/key-rotation-cleanup/cleanup.processor";
import { revokePreviousKey } from "./revoke-key";
import { PROJECT_NOT_FOUND, rotateKey } from "./rotate-key";
import {
  auditOf,
  closeAppConnections,
  inspectQueue,
  keysOf,
  outboxOf,
  type QueueHandle,
  trackTestData,
  verdictAt,
} from "./test-fixtures";

const testData = trackTestData();
let emailQueue: QueueHandle;

beforeAll(() => {
  emailQueue = inspectQueue(EMAIL_QUEUE_NAME);
});

afterAll(async () => {
  await testData.remove();
  await emailQueue.close();
  await closeAppConnections();
});

async function rotatedProject() {
  const { developer, project, keys } = await testData.ownerWithProject();
  const input = { projectId: project.id, keyType: "secret", grace: "24h" };
  const rotation = await rotateKey(getDb(), developer.actor, input);
  if (!rotation.ok) throw new Error(rotation.error.message);
  return { developer, project, oldKey: keys.secret, rotation };
}

describe("revokePreviousKey", () => {
  it("ends a grace now: audit event, email, invalidation; cleanup then does nothing", async () => {
    const { developer, project, oldKey, rotation } = await rotatedProject();
    const subscriber = new Redis(env().REDIS_URL);
    const heard: string[] = [];
    subscriber.on("message", (_channel, message) => heard.push(message));
    await subscriber.subscribe(KEY_INVALIDATION_CHANNEL);
    expect(await verdictAt(oldKey, Date.now())).toBe("grace");

    const before = Date.now();
    const result = await revokePreviousKey(getDb(), developer.actor, {
      projectId: project.id,
      keyId: rotation.oldKey.id,
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const revokedAt = Date.parse(result.revokedKey.revokedAt);
    expect(revokedAt).toBeGreaterThanOrEqual(before);
    expect(await verdictAt(oldKey, Date.now())).toBe("revoked");
    expect(await verdictAt(rotation.key, Date.now())).toBe("current");
    const row = (await keysOf(project.id)).find((k) => k.id === rotation.oldKey.id);
    expect(row?.retiredAt?.getTime()).toBe(revokedAt);

    const events = (await auditOf(project.id)).filter((e) => e.action === "api_key.revoked");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: developer.actor.id,
      keyId: rotation.oldKey.id,
      keyLastFour: rotation.oldKey.lastFour,
      keyExpiresAt: new Date(revokedAt),
    });
    const [message] = (await outboxOf(project.id)).filter((m) => m.template === "key-revoked");
    expect(message?.dedupeKey).toBe(`key-revoked:${rotation.oldKey.id}`);
    expect(keyRevokedEmailSchema.parse(message?.data).revokedAt).toBe(result.revokedKey.revokedAt);
    expect(await emailQueue.queue.getJob(emailJobId(message?.id ?? ""))).toBeDefined();
    await expect.poll(() => heard).toContainEqual(JSON.stringify({ keyId: rotation.oldKey.id }));
    await subscriber.quit();

    // Long after the original expiry, the pending cleanup job finds nothing left to do.
    const later = new Date(Date.parse(rotation.oldKey.expiresAt) + 60_000);
    const cleanup = await handleCleanup(
      getDb(),
      { keyId: rotation.oldKey.id, projectId: project.id },
      later,
    );
    expect(cleanup).toEqual({ status: "skipped", reason: "already_retired" });
    expect((await auditOf(project.id)).some((e) => e.action === "api_key.expired")).toBe(false);
  });

  it("refuses the current key, a key revoked already, and keys of projects not owned", async () => {
    const { developer, project, rotation } = await rotatedProject();
    const stranger = await testData.developer();
    const revoke = (actor: typeof developer.actor, input: Record<string, unknown>) =>
      revokePreviousKey(getDb(), actor, input);

    const current = await revoke(developer.actor, {
      projectId: project.id,
      keyId: rotation.newKey.id,
    });
    expect(current).toMatchObject({ ok: false, error: { code: "not_in_grace" } });

    const notOwned = await revoke(stranger.actor, {
      projectId: project.id,
      keyId: rotation.oldKey.id,
    });
    expect(notOwned).toMatchObject({ ok: false, error: { message: PROJECT_NOT_FOUND } });
    const unknownKey = await revoke(developer.actor, {
      projectId: project.id,
      keyId: randomUUID(),
    });
    expect(unknownKey).toMatchObject({ ok: false, error: { code: "not_found" } });
    const malformed = await revoke(developer.actor, { projectId: project.id, keyId: 42 });
    expect(malformed).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await verdictAt(rotation.key, Date.now())).toBe("current");

    const input = { projectId: project.id, keyId: rotation.oldKey.id };
    expect((await revoke(developer.actor, input)).ok).toBe(true);
    const again = await revoke(developer.actor, input);
    expect(again).toMatchObject({
      ok: false,
      error: { code: "not_in_grace", message: "This key has already stopped working." },
    });
    const revocations = (await auditOf(project.id)).filter((e) => e.action === "api_key.revoked");
    expect(revocations).toHaveLength(1);
  });
});
