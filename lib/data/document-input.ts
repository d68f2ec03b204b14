import type { JsonObject, StoredDocument } from "@/db/documents";
import { badRequest } from "@/lib/public-api/api-error";
import { isDocumentId } from "./document-id";

// Kept by the server, like MongoDB timestamps: a client's values for them are ignored.
const SERVER_FIELDS = ["_id", "createdAt", "updatedAt"];
// As in MongoDB; deeper documents would overflow the stack when serialised.
export const MAX_DOCUMENT_DEPTH = 100;

// A \udXXX escape that is not itself escaped; whole pairs are written as the character.
const LONE_SURROGATE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

export type DocumentInput = { id: string | null; data: JsonObject };

/** Walks the document with an explicit stack: recursion is what deep input would break. */
function tooDeep(root: unknown): boolean {
  const pending: [unknown, number][] = [[root, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_DOCUMENT_DEPTH) return true;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Splits a request body into its `_id` (if any) and the fields to store. */
export function toDocumentInput(body: JsonObject): DocumentInput {
  const { _id: id } = body;
  if (id !== undefined && (typeof id !== "string" || !isDocumentId(id))) {
    throw badRequest("_id must be a string of 1 to 128 letters, digits, _ . : or -.");
  }

  if (tooDeep(body)) {
    throw badRequest(`Documents may nest ${MAX_DOCUMENT_DEPTH} levels deep at most.`);
  }

  const data: JsonObject = {};
  for (const [field, value] of Object.entries(body)) {
    if (!SERVER_FIELDS.includes(field)) data[field] = value;
  }

  // Postgres jsonb cannot hold U+0000; refuse it plainly instead of failing the insert.
  const serialised = JSON.stringify(data);
  if (serialised.includes("\\u0000")) {
    throw badRequest("Documents cannot contain the NUL character (\\u0000).");
  }
  // Nor half of a surrogate pair, which JSON.stringify writes as an escape.
  if (LONE_SURROGATE.test(serialised)) {
    throw badRequest("Documents must be valid Unicode: a string holds half a surrogate pair.");
  }
  return { id: id ?? null, data };
}

/** A stored document as the API returns it. */
export function toApiDocument(row: StoredDocument): JsonObject {
  return {
    ...row.data,
    _id: row.id,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
