import { and, asc, eq } from "drizzle-orm";
import type { KeyType } from "@/lib/keys/key-format";
import type { Executor } from "./client";
import { apiKeys } from "./schema";

export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = {
  projectId: string;
  type: KeyType;
  hash: string;
  prefix: string;
  lastFour: string;
  createdBy: string | null;
};

export async function insertApiKey(db: Executor, values: NewApiKey): Promise<ApiKey> {
  const [key] = await db.insert(apiKeys).values(values).returning();
  if (!key) throw new Error("insert into api_keys returned no row");
  return key;
}

/** Every key of a project, oldest first; callers scope `projectId` to its owner first. */
export async function listKeysForProject(db: Executor, projectId: string): Promise<ApiKey[]> {
  return db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.projectId, projectId))
    .orderBy(asc(apiKeys.createdAt));
}

/** The verification lookup: one indexed read by hash. */
export async function findKeyByHash(db: Executor, hash: string): Promise<ApiKey | null> {
  const [key] = await db.select().from(apiKeys).where(eq(apiKeys.hash, hash));
  return key ?? null;
}

export async function findKeyInProject(
  db: Executor,
  scope: { projectId: string; keyId: string },
): Promise<ApiKey | null> {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, scope.keyId), eq(apiKeys.projectId, scope.projectId)));
  return key ?? null;
}
