import type { Executor } from "@/db/client";
import { type Collection, findCollectionByName, insertCollection } from "@/db/collections";
import type { CollectionScope } from "@/db/documents";
import { logger } from "@/lib/logger";
import { notFound } from "@/lib/public-api/api-error";
import { COLLECTION_NAME_PATTERN, type CreateCollectionInput } from "./collection-name.schema";

export class CollectionExistsError extends Error {
  constructor(name: string) {
    super(`This project already has a collection named "${name}".`);
    this.name = "CollectionExistsError";
  }
}

/** Creates a collection; the caller has checked that the developer owns the project. */
export async function createCollection(
  db: Executor,
  input: CreateCollectionInput,
): Promise<Collection> {
  const collection = await insertCollection(db, input);
  if (!collection) throw new CollectionExistsError(input.name);

  logger.info(
    { module: "collections", projectId: input.projectId, collectionId: collection.id },
    "collection created",
  );
  return collection;
}

/** The public API's collection lookup: a name that cannot exist is not even queried. */
export async function resolveCollection(
  db: Executor,
  projectId: string,
  name: string,
): Promise<CollectionScope> {
  const missing = notFound(
    `This project has no collection named "${name}". Create it in the Rekey dashboard first.`,
  );
  if (!COLLECTION_NAME_PATTERN.test(name)) throw missing;

  const collection = await findCollectionByName(db, { projectId, name });
  if (!collection) throw missing;
  return { projectId, collectionId: collection.id };
}
