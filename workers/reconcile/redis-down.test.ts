import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { revokePreviousKey } from "@/lib/rotation/revoke-key";
import { rotateKey } from "@/lib/rotation/rotate-key";
import {
  auditOf,
  closeAppConnections,
  createTestProject,
  outboxOf,
  prepareOwnDatabase,
  removeTestData,
  signUpDeveloper,
  verdictAt,
} from "@/lib/rotation/test-fixtures";

// The app starts pointed at a port where no Redis listens; reconcile later runs against a
// Redis database of this file's own. Reconcile scans every project: a database of its own.
const urls = vi.hoisted(() => {
  const database = new URL(process.env.DATABASE_URL ?? "");
  database.pathname = `${database.pathname}_redis_down`;
  process.env.DATABASE_URL = database.toString();
  const working = new URL(process.env.REDIS_URL ?? "");
  working.pathname = "/9";
  process.env.REDIS_URL = "redis://127.0.0.1:3129";
  return { workingRedis: working.toString() };
});

const projectIds: string[] = [];
const developerIds: string[] = [];

beforeAll(async () => {
  await prepareOwnDatabase();
});

afterAll(async () => {
  await removeTestData(projectIds, developerIds);
  await closeAppConnections();
});

describe("Redis down during a rotation", () => {
  it("rotation and early revoke succeed; reconcile later enqueues what was missed", async () => {
    const developer = await signUpDeveloper();
    developerIds.push(developer.actor.id);
    const { project, keys } = await createTestProject(developer);
    projectIds.push(project.id);

    const started = Date.now();
    const first = await rotateKey(getDb(), developer.actor, {
      projectId: project.id,
      keyType: "secret",
      grace: "24h",
    });
    const second = await rotateKey(getDb(), developer.actor, {
      projectId: project.id,
      keyType: "publishable",
      grace: "1h",
    });
    if (!first.ok || !second.ok) throw new Error("rotation refused");
    const revoked = await revokePreviousKey(getDb(), developer.actor, {
      projectId: project.id,
      keyId: second.oldKey.id,
    });
    // Each call waited at most one enqueue deadline for Redis, not forever.
    expect(Date.now() - started).toBeLessThan(3 * 3_000);
    expect(revoked.ok).toBe(true);

    expect(await verdictAt(first.key, Date.now())).toBe("current");
    expect(await verdictAt(keys.secret, Date.now())).toBe("grace");
    expect(await verdictAt(keys.publishable, Date.now())).toBe("revoked");
    const actions = (await auditOf(project.id)).map((e) => e.action);
    expect(actions.filter((a) => a === "api_key.rotated")).toHaveLength(2);
    expect(actions).toContain("api_key.revoked");
    const outbox = await outboxOf(project.id);
    expect(outbox.map((m) => m.status)).toEqual(["pending", "pending", "pending"]);

    await closeAppConnections();
    const enqueued = await reconcileWithRedisBack(new Date(Date.now() + 6 * 60 * 1000));

    expect(enqueued.cleanupJobIds).toEqual([`cleanup-${first.oldKey.id}`]);
    expect(enqueued.emailMessageIds.sort()).toEqual(outbox.map((m) => m.id).sort());
  });
});

/**
 * Redis is back: the modules are loaded afresh with REDIS_URL pointing at a live Redis, and
 * reconcile runs (a few minutes later, so that the outbox rows count as never enqueued).
 */
async function reconcileWithRedisBack(now: Date) {
  process.env.REDIS_URL = urls.workingRedis;
  vi.resetModules();
  const { Redis } = await import("ioredis");
  const redis = new Redis(urls.workingRedis);
  await redis.flushdb();

  const { runReconcile } = await import("./run-reconcile");
  const fixtures = await import("@/lib/rotation/test-fixtures");
  const { getDb: freshDb } = await import("@/db/client");
  const summary = await runReconcile(freshDb(), { now });
  expect(summary.keysRetired).toBe(0);

  const cleanup = fixtures.inspectQueue("key-rotation-cleanup");
  const email = fixtures.inspectQueue("email");
  const states = ["waiting", "delayed", "prioritized"] as const;
  const cleanupJobIds = (await cleanup.queue.getJobs([...states])).map((job) => job.id);
  const emailMessageIds = (await email.queue.getJobs([...states])).map((j) => j.data.messageId);
  await Promise.all([cleanup.close(), email.close(), redis.quit()]);
  await fixtures.closeAppConnections();
  return { cleanupJobIds, emailMessageIds };
}
