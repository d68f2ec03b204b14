import { randomUUID } from "node:crypto";
import { createConnection, type Database } from "@/db/client";
import { type EmailMessage, insertOutboxMessage } from "@/db/email-messages";
import { applyMigrations, ensureDatabase } from "@/db/migrate";
import { user } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import type { KeyRotatedEmail } from "@/lib/email/email-data.schema";
import { type CreatedProject, createProject } from "@/lib/projects/create-project";

export type DeveloperActor = Extract<Actor, { type: "developer" }>;

export const TEST_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Chrome/126.0.0.0 Safari/537.36";

/** A connection of the test's own; callers end it in afterAll. */
export function connectTestDb() {
  return createConnection(process.env.DATABASE_URL as string, 4);
}

/**
 * A migrated database of the file's own, beside the shared test database, for tests of
 * functions that scan every project's rows (reconcile's outbox scan).
 */
export async function connectOwnTestDb(suffix: string) {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `${url.pathname}_${suffix}`;
  await ensureDatabase(url.toString());
  await applyMigrations(url.toString());
  return createConnection(url.toString(), 4);
}

/** A developer account written straight to the table better-auth reads. */
export async function createDeveloper(db: Database, label: string): Promise<DeveloperActor> {
  const id = randomUUID();
  const email = `${label}-${id.slice(0, 8)}@example.test`;
  await db.insert(user).values({ id, name: label, email });
  return { type: "developer", id, email, ipAddress: "203.0.113.7", userAgent: TEST_USER_AGENT };
}

export async function createOwnedProject(
  db: Database,
  owner: DeveloperActor,
  name = `Project ${randomUUID().slice(0, 6)}`,
): Promise<CreatedProject> {
  return createProject(db, owner, { name });
}

export function keyRotatedData(
  created: CreatedProject,
  owner: DeveloperActor,
  overrides: Partial<KeyRotatedEmail> = {},
): KeyRotatedEmail {
  const rotatedAt = new Date();
  return {
    projectId: created.project.id,
    projectName: created.project.name,
    keyType: "secret",
    maskedKey: `sk_live_…${created.keys.secret.slice(-4)}`,
    newMaskedKey: "sk_live_…N3wK",
    actorEmail: owner.email,
    ipAddress: owner.ipAddress,
    userAgent: owner.userAgent,
    rotatedAt: rotatedAt.toISOString(),
    graceSeconds: 3600,
    oldKeyExpiresAt: new Date(rotatedAt.getTime() + 3600_000).toISOString(),
    ...overrides,
  };
}

/** An outbox row as the rotation engine writes it, for tests that run before it lands. */
export async function writeRotatedOutboxRow(
  db: Database,
  created: CreatedProject,
  owner: DeveloperActor,
  data: Record<string, unknown> = keyRotatedData(created, owner),
): Promise<EmailMessage> {
  const row = await insertOutboxMessage(db, {
    projectId: created.project.id,
    recipient: owner.email,
    template: "key-rotated",
    data,
    dedupeKey: `test-key-rotated:${randomUUID()}`,
  });
  if (!row) throw new Error("outbox row was not written");
  return row;
}
