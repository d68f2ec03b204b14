import type { Executor } from "@/db/client";
import {
  type CollectionScope,
  countDocuments,
  deleteDocument,
  findDocument,
  insertDocument,
  type JsonObject,
  listDocuments,
  patchDocument,
  replaceDocument,
  type StoredDocument,
} from "@/db/documents";
import { ApiError, badRequest, notFound } from "@/lib/public-api/api-error";
import { isDocumentId, newDocumentId } from "./document-id";
import { toApiDocument, toDocumentInput } from "./document-input";
import { filterToSql, sortToSql } from "./filter-sql";
import type { ListQuery } from "./list-query";

const missingDocument = (id: string) =>
  notFound(`No document with _id "${id}" in this collection.`);

function assertSameId(bodyId: string | null, urlId: string): void {
  if (bodyId === null || bodyId === urlId) return;
  throw badRequest("The body's _id differs from the URL's.");
}

/**
 * Reads or writes the document with the URL's id and answers with it. An id that could never
 * have been issued is as missing as an unknown one, and is never sent to the database.
 */
async function existingDocument(
  id: string,
  query: () => Promise<StoredDocument | null>,
): Promise<JsonObject> {
  const row = isDocumentId(id) ? await query() : null;
  if (!row) throw missingDocument(id);
  return toApiDocument(row);
}

export type DocumentList = { items: JsonObject[]; total: number; page: number; limit: number };

export async function countMatching(
  db: Executor,
  scope: CollectionScope,
  query: ListQuery,
): Promise<number> {
  return countDocuments(db, scope, query.filters.map(filterToSql));
}

export async function listMatching(
  db: Executor,
  scope: CollectionScope,
  query: ListQuery,
): Promise<DocumentList> {
  const where = query.filters.map(filterToSql);
  const [rows, total] = await Promise.all([
    listDocuments(db, scope, {
      where,
      orderBy: sortToSql(query.sort),
      limit: query.limit,
      offset: (query.page - 1) * query.limit,
    }),
    countDocuments(db, scope, where),
  ]);
  return { items: rows.map(toApiDocument), total, page: query.page, limit: query.limit };
}

export async function getOne(
  db: Executor,
  scope: CollectionScope,
  id: string,
): Promise<JsonObject> {
  return existingDocument(id, () => findDocument(db, scope, id));
}

export async function insertOne(
  db: Executor,
  scope: CollectionScope,
  body: JsonObject,
): Promise<JsonObject> {
  const input = toDocumentInput(body);
  const id = input.id ?? newDocumentId();

  const row = await insertDocument(db, scope, { id, data: input.data });
  if (!row) throw new ApiError(409, `A document with _id "${id}" already exists.`);
  return toApiDocument(row);
}

export async function replaceOne(
  db: Executor,
  scope: CollectionScope,
  id: string,
  body: JsonObject,
): Promise<JsonObject> {
  const input = toDocumentInput(body);
  assertSameId(input.id, id);

  return existingDocument(id, () => replaceDocument(db, scope, { id, data: input.data }));
}

export async function patchOne(
  db: Executor,
  scope: CollectionScope,
  id: string,
  body: JsonObject,
): Promise<JsonObject> {
  const input = toDocumentInput(body);
  assertSameId(input.id, id);

  return existingDocument(id, () => patchDocument(db, scope, { id, patch: input.data }));
}

export async function deleteOne(db: Executor, scope: CollectionScope, id: string): Promise<void> {
  const deleted = isDocumentId(id) && (await deleteDocument(db, scope, id));
  if (!deleted) throw missingDocument(id);
}
