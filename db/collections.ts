import { and, asc, count, eq } from "drizzle-orm";
import type { Executor } from "./client";
import { collections, documents } from "./schema";

export type Collection = typeof collections.$inferSelect;
export type CollectionSummary = Collection & { documentCount: number };

/** Every public data call resolves its collection here, by project and name. */
export async function findCollectionByName(
  db: Executor,
  scope: { projectId: string; name: string },
): Promise<Collection | null> {
  const [collection] = await db
    .select()
    .from(collections)
    .where(and(eq(collections.projectId, scope.projectId), eq(collections.name, scope.name)));
  return collection ?? null;
}

/** Null when the project already has a collection of that name. */
export async function insertCollection(
  db: Executor,
  values: { projectId: string; name: string },
): Promise<Collection | null> {
  const [collection] = await db
    .insert(collections)
    .values(values)
    .onConflictDoNothing({ target: [collections.projectId, collections.name] })
    .returning();
  return collection ?? null;
}

/** A project's collections by name, with their document counts, for the dashboard. */
export async function listCollectionsForProject(
  db: Executor,
  projectId: string,
): Promise<CollectionSummary[]> {
  return db
    .select({
      id: collections.id,
      projectId: collections.projectId,
      name: collections.name,
      createdAt: collections.createdAt,
      documentCount: count(documents.id),
    })
    .from(collections)
    .leftJoin(documents, eq(documents.collectionId, collections.id))
    .where(eq(collections.projectId, projectId))
    .groupBy(collections.id)
    .orderBy(asc(collections.name));
}
