import { and, asc, eq, gt, isNotNull, isNull, lte } from "drizzle-orm";
import type { KeyType } from "@/lib/keys/key-format";
import type { Executor } from "./client";
import type { Project } from "./projects";
import { apiKeys, projects, user } from "./schema";

export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = {
  projectId: string;
  type: KeyType;
  hash: string;
  prefix: string;
  lastFour: string;
  /** Publishable keys only: the full value, public by design. */
  publicValue?: string | null;
  createdBy: string | null;
};

type KeyInProject = { projectId: string; keyId: string };

/** One key by id, and only inside its project: an id alone never selects or changes a key. */
function keyInProject(scope: KeyInProject) {
  return and(eq(apiKeys.id, scope.keyId), eq(apiKeys.projectId, scope.projectId));
}

/** Neither expiring nor revoked: the key a project's clients are meant to use now. */
function isCurrentKey() {
  return and(isNull(apiKeys.expiresAt), isNull(apiKeys.revokedAt));
}

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

/** One indexed read by hash. */
export async function findKeyByHash(db: Executor, hash: string): Promise<ApiKey | null> {
  const [key] = await db.select().from(apiKeys).where(eq(apiKeys.hash, hash));
  return key ?? null;
}

/**
 * The verification lookup: a key by hash with its project, in one round trip. A key whose
 * project is gone is not found.
 */
export async function findKeyWithProjectByHash(
  db: Executor,
  hash: string,
): Promise<{ key: ApiKey; project: Project } | null> {
  const [row] = await db
    .select({ key: apiKeys, project: projects })
    .from(apiKeys)
    .innerJoin(projects, eq(projects.id, apiKeys.projectId))
    .where(eq(apiKeys.hash, hash));
  return row ?? null;
}

export async function findKeyInProject(db: Executor, scope: KeyInProject): Promise<ApiKey | null> {
  const [key] = await db.select().from(apiKeys).where(keyInProject(scope));
  return key ?? null;
}

/** The current key of one type, locked until the transaction ends (rotation). */
export async function lockCurrentKey(
  tx: Executor,
  scope: { projectId: string; type: KeyType },
): Promise<ApiKey | null> {
  const [key] = await tx
    .select()
    .from(apiKeys)
    .where(
      and(eq(apiKeys.projectId, scope.projectId), eq(apiKeys.type, scope.type), isCurrentKey()),
    )
    .for("update");
  return key ?? null;
}

/** One key of a project, locked until the transaction ends (revoke, cleanup). */
export async function lockKeyInProject(tx: Executor, scope: KeyInProject): Promise<ApiKey | null> {
  const [key] = await tx.select().from(apiKeys).where(keyInProject(scope)).for("update");
  return key ?? null;
}

export type KeyLifecycleChange = Partial<
  Pick<ApiKey, "deprecatedAt" | "expiresAt" | "revokedAt" | "retiredAt">
>;

/**
 * Moves a key along its life (deprecated, expiring, revoked, retired). Only a key that is not
 * retired yet changes, so each end of life is processed once; returns null otherwise.
 */
export async function updateKeyLifecycle(
  tx: Executor,
  scope: KeyInProject,
  change: KeyLifecycleChange,
): Promise<ApiKey | null> {
  const [key] = await tx
    .update(apiKeys)
    .set(change)
    .where(and(keyInProject(scope), isNull(apiKeys.retiredAt)))
    .returning();
  return key ?? null;
}

export type KeyRef = { id: string; projectId: string; expiresAt: Date };

const keyRefColumns = {
  id: apiKeys.id,
  projectId: apiKeys.projectId,
  expiresAt: apiKeys.expiresAt,
};

/** Keys whose grace ended but whose end of life was never processed, oldest expiry first. */
export async function listKeysDueForRetirement(
  db: Executor,
  scope: { now: Date; limit: number },
): Promise<KeyRef[]> {
  const rows = await db
    .select(keyRefColumns)
    .from(apiKeys)
    .where(
      and(
        isNull(apiKeys.retiredAt),
        isNotNull(apiKeys.expiresAt),
        lte(apiKeys.expiresAt, scope.now),
      ),
    )
    .orderBy(asc(apiKeys.expiresAt))
    .limit(scope.limit);
  return rows as KeyRef[];
}

/** Keys still in their grace period, by id after `afterId` (keyset pages for reconcile). */
export async function listKeysInGrace(
  db: Executor,
  scope: { now: Date; afterId: string | null; limit: number },
): Promise<KeyRef[]> {
  const rows = await db
    .select(keyRefColumns)
    .from(apiKeys)
    .where(
      and(
        isNull(apiKeys.retiredAt),
        isNotNull(apiKeys.expiresAt),
        gt(apiKeys.expiresAt, scope.now),
        scope.afterId ? gt(apiKeys.id, scope.afterId) : undefined,
      ),
    )
    .orderBy(asc(apiKeys.id))
    .limit(scope.limit);
  return rows as KeyRef[];
}

export type KeyForRetirement = { key: ApiKey; projectName: string; ownerEmail: string };

/**
 * A key with what its expiry email needs (project name, owner's address), the key row locked
 * until the transaction ends. Null when the key, or its project, no longer exists.
 */
export async function lockKeyForRetirement(
  tx: Executor,
  scope: KeyInProject,
): Promise<KeyForRetirement | null> {
  const [row] = await tx
    .select({ key: apiKeys, projectName: projects.name, ownerEmail: user.email })
    .from(apiKeys)
    .innerJoin(projects, eq(projects.id, apiKeys.projectId))
    .innerJoin(user, eq(user.id, projects.ownerId))
    .where(keyInProject(scope))
    .for("update", { of: apiKeys });
  return row ?? null;
}

/** A project's current key of each type (neither expiring nor revoked); callers scope first. */
export async function listCurrentKeysForProject(
  db: Executor,
  projectId: string,
): Promise<ApiKey[]> {
  return db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.projectId, projectId), isCurrentKey()))
    .orderBy(asc(apiKeys.type));
}
