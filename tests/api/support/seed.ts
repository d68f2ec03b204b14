import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { insertApiKey } from "@/db/api-keys";
import { createConnection, type Database } from "@/db/client";
import { insertCollection } from "@/db/collections";
import { apiKeys, projects, user } from "@/db/schema";
import { generateKey, hashKey, type KeyType, parseKey } from "@/lib/keys/key-format";
import { type CreatedProject, createProject } from "@/lib/projects/create-project";

/** The test's own pool on the database the app under test uses. */
export function connectTestDb() {
  return createConnection(process.env.DATABASE_URL as string, 4);
}

export async function seedDeveloper(db: Database) {
  const id = randomUUID();
  const email = `dev-${id}@example.test`;
  await db.insert(user).values({ id, name: "Test Developer", email });
  return { type: "developer" as const, id, email, ipAddress: null, userAgent: null };
}

/** A project with its two keys, made by the app's own createProject. */
export async function seedProject(
  db: Database,
  options: { collections?: string[] } = {},
): Promise<CreatedProject> {
  const developer = await seedDeveloper(db);
  const created = await createProject(db, developer, { name: `Project ${randomUUID()}` });
  for (const name of options.collections ?? []) {
    await insertCollection(db, { projectId: created.project.id, name });
  }
  return created;
}

/**
 * What a rotation does to the data, without the rotation feature: the current key of `type`
 * gets an expiry (grace) and a new current key is inserted through the repository.
 */
export async function replaceCurrentKey(
  db: Database,
  scope: { projectId: string; type: KeyType; oldKeyExpiresAt: Date },
): Promise<{ newKey: string; oldKeyId: string; newKeyId: string }> {
  const newKey = generateKey(scope.type);
  const parsed = parseKey(newKey);
  if (!parsed) throw new Error("generated key failed its format check");

  return db.transaction(async (tx) => {
    const [old] = await tx
      .update(apiKeys)
      .set({ expiresAt: scope.oldKeyExpiresAt, deprecatedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.projectId, scope.projectId),
          eq(apiKeys.type, scope.type),
          isNull(apiKeys.expiresAt),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning();
    if (!old) throw new Error("no current key to replace");

    const inserted = await insertApiKey(tx, {
      projectId: scope.projectId,
      type: scope.type,
      hash: hashKey(newKey),
      prefix: parsed.prefix,
      lastFour: parsed.lastFour,
      createdBy: null,
    });
    return { newKey, oldKeyId: old.id, newKeyId: inserted.id };
  });
}

export async function keyIdOf(db: Database, key: string): Promise<string> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashKey(key)));
  if (!row) throw new Error("key not found");
  return row.id;
}

/** Rows a project owns in each public-API table: bad input must leave these unchanged. */
export async function rowCounts(db: Database, projectId: string) {
  const rows = await db.execute<{
    collections: number;
    documents: number;
    end_users: number;
    sessions: number;
    live_sessions: number;
    documents_digest: string;
  }>(sql`
    select
      (select count(*)::int from collections where project_id = ${projectId}) as collections,
      (select count(*)::int from documents d join collections c on c.id = d.collection_id
        where c.project_id = ${projectId}) as documents,
      (select count(*)::int from end_users where project_id = ${projectId}) as end_users,
      (select count(*)::int from end_user_sessions where project_id = ${projectId}) as sessions,
      (select count(*)::int from end_user_sessions
        where project_id = ${projectId} and revoked_at is null) as live_sessions,
      (select md5(coalesce(string_agg(d.id || d.data::text || d.updated_at::text, ','
        order by d.collection_id, d.id), '')) from documents d
        join collections c on c.id = d.collection_id
        where c.project_id = ${projectId}) as documents_digest
  `);
  return rows[0];
}

/** Deletes what the seeds made (keys, collections and end users go with their project). */
export async function removeProjects(db: Database, created: CreatedProject[]): Promise<void> {
  for (const { project } of created) {
    await db.delete(projects).where(eq(projects.id, project.id));
    await db.delete(user).where(eq(user.id, project.ownerId));
  }
}
