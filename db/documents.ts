import { and, count, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client";
import { collections, documents } from "./schema";

export type StoredDocument = typeof documents.$inferSelect;
export type JsonObject = Record<string, unknown>;

/** A collection as resolved for one project: document queries never leave it. */
export type CollectionScope = { projectId: string; collectionId: string };

// The collection id was resolved by project, and every statement checks it again, so a
// document query can never reach another project's data.
function inScope(scope: CollectionScope): SQL {
  const owned = sql`exists (select 1 from ${collections} where ${collections.id} = ${
    scope.collectionId
  } and ${collections.projectId} = ${scope.projectId})`;
  return and(eq(documents.collectionId, scope.collectionId), owned) as SQL;
}

export async function findDocument(
  db: Executor,
  scope: CollectionScope,
  id: string,
): Promise<StoredDocument | null> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(inScope(scope), eq(documents.id, id)));
  return row ?? null;
}

/** Null when a document with this `_id` already exists in the collection. */
export async function insertDocument(
  db: Executor,
  scope: CollectionScope,
  values: { id: string; data: JsonObject },
): Promise<StoredDocument | null> {
  const [row] = await db
    .insert(documents)
    .select(
      db
        .select({
          collectionId: collections.id,
          id: sql`${values.id}`.as("id"),
          data: sql`${JSON.stringify(values.data)}::jsonb`.as("data"),
          createdAt: sql`now()`.as("created_at"),
          updatedAt: sql`now()`.as("updated_at"),
        })
        .from(collections)
        .where(
          and(eq(collections.id, scope.collectionId), eq(collections.projectId, scope.projectId)),
        ),
    )
    .onConflictDoNothing({ target: [documents.collectionId, documents.id] })
    .returning();
  return row ?? null;
}

export async function replaceDocument(
  db: Executor,
  scope: CollectionScope,
  values: { id: string; data: JsonObject },
): Promise<StoredDocument | null> {
  const [row] = await db
    .update(documents)
    .set({ data: sql`${JSON.stringify(values.data)}::jsonb`, updatedAt: sql`now()` })
    .where(and(inScope(scope), eq(documents.id, values.id)))
    .returning();
  return row ?? null;
}

/** Shallow merge: top-level fields of `patch` replace the stored ones. */
export async function patchDocument(
  db: Executor,
  scope: CollectionScope,
  values: { id: string; patch: JsonObject },
): Promise<StoredDocument | null> {
  const [row] = await db
    .update(documents)
    .set({
      data: sql`${documents.data} || ${JSON.stringify(values.patch)}::jsonb`,
      updatedAt: sql`now()`,
    })
    .where(and(inScope(scope), eq(documents.id, values.id)))
    .returning();
  return row ?? null;
}

export async function deleteDocument(
  db: Executor,
  scope: CollectionScope,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(documents)
    .where(and(inScope(scope), eq(documents.id, id)))
    .returning({ id: documents.id });
  return rows.length > 0;
}

export type DocumentPage = {
  where: SQL[];
  orderBy: SQL[];
  limit: number;
  offset: number;
};

/** One page of a collection; `where` and `orderBy` hold bound parameters only. */
export async function listDocuments(
  db: Executor,
  scope: CollectionScope,
  page: DocumentPage,
): Promise<StoredDocument[]> {
  return db
    .select()
    .from(documents)
    .where(and(inScope(scope), ...page.where))
    .orderBy(...page.orderBy)
    .limit(page.limit)
    .offset(page.offset);
}

export async function countDocuments(
  db: Executor,
  scope: CollectionScope,
  where: SQL[],
): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(documents)
    .where(and(inScope(scope), ...where));
  return row?.total ?? 0;
}

/** The dashboard's data browser: one page of a collection, newest first, ties by `_id`. */
export async function listDocumentsNewestFirst(
  db: Executor,
  scope: CollectionScope,
  page: { limit: number; offset: number },
): Promise<StoredDocument[]> {
  return listDocuments(db, scope, {
    where: [],
    orderBy: [sql`${documents.createdAt} desc`, sql`${documents.id} asc`],
    ...page,
  });
}
