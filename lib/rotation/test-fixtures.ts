import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { eq, inArray } from "drizzle-orm";
import { Redis } from "ioredis";
import { type ApiKey, listKeysForProject } from "@/db/api-keys";
import { closeDb, getDb } from "@/db/client";
import { applyMigrations, ensureDatabase } from "@/db/migrate";
import { auditEvents, emailMessages, projects, session, user } from "@/db/schema";
import { getAuth } from "@/lib/auth/auth";
import { closeEmailQueue, type EMAIL_QUEUE_NAME } from "@/lib/email/email-queue";
import { env } from "@/lib/env";
import { createProject } from "@/lib/projects/create-project";
import { closeRedis } from "@/lib/redis";
import { KeyCache } from "@/lib/verification/key-cache";
import { verifyApiKey } from "@/lib/verification/verify-api-key";
import {
  type CLEANUP_QUEUE_NAME,
  closeCleanupQueue,
} from "@/workers/key-rotation-cleanup/cleanup.queue";
import type { DeveloperActor } from "./request-actor";

// Shared set-up for the rotation and worker tests. Every test makes its own developer and
// project, so test files can run in parallel on one database.

export const TEST_PASSWORD = "correct-horse-battery-staple";

export type TestDeveloper = { actor: DeveloperActor; sessionId: string; sessionToken: string };

/** Signs a developer up through better-auth, as the sign-up page does. */
export async function signUpDeveloper(): Promise<TestDeveloper> {
  const email = `dev-${randomUUID()}@example.com`;
  const result = await getAuth().api.signUpEmail({
    body: { email, password: TEST_PASSWORD, name: "Test developer" },
  });
  if (!result.token) throw new Error("sign-up returned no session");

  const [row] = await getDb().select().from(session).where(eq(session.token, result.token));
  if (!row) throw new Error("sign-up created no session row");
  const actor: DeveloperActor = {
    type: "developer",
    id: result.user.id,
    email,
    ipAddress: "203.0.113.9",
    userAgent: "rotation-tests",
  };
  return { actor, sessionId: row.id, sessionToken: result.token };
}

export async function createTestProject(developer: TestDeveloper) {
  return createProject(getDb(), developer.actor, { name: `Project ${randomUUID().slice(0, 8)}` });
}

export async function keysOf(projectId: string): Promise<ApiKey[]> {
  return listKeysForProject(getDb(), projectId);
}

export async function auditOf(projectId: string) {
  return getDb().select().from(auditEvents).where(eq(auditEvents.projectId, projectId));
}

export async function outboxOf(projectId: string) {
  return getDb().select().from(emailMessages).where(eq(emailMessages.projectId, projectId));
}

/** Removes what the tests created; audit events stay, as the database insists. */
export async function removeTestData(projectIds: string[], developerIds: string[]) {
  const db = getDb();
  if (projectIds.length > 0) {
    await db.delete(emailMessages).where(inArray(emailMessages.projectId, projectIds));
    await db.delete(projects).where(inArray(projects.id, projectIds));
  }
  if (developerIds.length > 0) await db.delete(user).where(inArray(user.id, developerIds));
}

/**
 * The developers and projects one test file makes, remembered so that `remove` can delete
 * them in its afterAll.
 */
export function trackTestData() {
  const projectIds: string[] = [];
  const developerIds: string[] = [];

  const developer = async (): Promise<TestDeveloper> => {
    const created = await signUpDeveloper();
    developerIds.push(created.actor.id);
    return created;
  };

  const ownerWithProject = async () => {
    const owner = await developer();
    const created = await createTestProject(owner);
    projectIds.push(created.project.id);
    return { developer: owner, ...created };
  };

  return { developer, ownerWithProject, remove: () => removeTestData(projectIds, developerIds) };
}

export type QueueHandle = { queue: Queue; close: () => Promise<void> };

/** A queue handle of the test's own, for reading what the code under test enqueued. */
export function inspectQueue(
  name: typeof CLEANUP_QUEUE_NAME | typeof EMAIL_QUEUE_NAME,
): QueueHandle {
  const connection = new Redis(env().REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection });
  return {
    queue,
    close: async () => {
      await queue.close();
      await connection.quit();
    },
  };
}

export async function closeAppConnections(): Promise<void> {
  await Promise.all([closeEmailQueue(), closeCleanupQueue()]);
  await Promise.all([closeRedis(), closeDb()]);
}

/**
 * Creates and migrates the database DATABASE_URL names, for test files that point it at a
 * database of their own (the reconcile job scans every project, so its tests must not share).
 */
export async function prepareOwnDatabase(): Promise<void> {
  const url = env().DATABASE_URL;
  await ensureDatabase(url);
  await applyMigrations(url);
}

/**
 * What the public API's verification answers for `key` at the instant `atMs`, with an empty
 * cache: "current" or "grace" when accepted, else the rejection reason.
 */
export async function verdictAt(key: string, atMs: number): Promise<string> {
  const request = {
    headers: new Headers({ "x-api-key": key }),
    url: new URL("http://localhost/api/data/notes"),
  };
  const deps = { db: getDb(), cache: new KeyCache(), now: () => atMs };
  const result = await verifyApiKey(request, "any", deps);
  return result.ok ? result.key.status : result.rejection.reason;
}
