"use server";

import { revalidatePath } from "next/cache";
import { type FormState, fieldErrorsOf, textFields } from "@/components/ui/form-state";
import { getDb } from "@/db/client";
import {
  createCollectionSchema,
  NEW_COLLECTION_FIELDS,
  type NewCollectionField,
} from "@/lib/data/collection-name.schema";
import { CollectionExistsError, createCollection } from "@/lib/data/collections";
import { reportUnexpected } from "@/lib/http/unexpected-error";
import { logger } from "@/lib/logger";
import { requireOwnedProject } from "@/lib/projects/require-owned-project";

const log = logger.child({ module: "collections" });

export type NewCollectionState = FormState<NewCollectionField> & {
  /** The name of the collection this submission created, for the confirmation. */
  created: string | null;
};

/** Creates a collection in a project the signed-in developer owns (404 otherwise). */
export async function createCollectionAction(
  projectId: string,
  _previous: NewCollectionState,
  formData: FormData,
): Promise<NewCollectionState> {
  const values = textFields(formData, NEW_COLLECTION_FIELDS);
  const parsed = createCollectionSchema.safeParse({ projectId, ...values });
  if (!parsed.success) {
    return { fieldErrors: fieldErrorsOf(parsed.error), formError: null, values, created: null };
  }

  const { project } = await requireOwnedProject(parsed.data.projectId);
  try {
    const collection = await createCollection(getDb(), { ...parsed.data, projectId: project.id });
    revalidatePath(`/projects/${project.id}`);
    return { fieldErrors: {}, formError: null, values: {}, created: collection.name };
  } catch (error) {
    if (error instanceof CollectionExistsError) {
      return { fieldErrors: { name: error.message }, formError: null, values, created: null };
    }
    const formError = await reportUnexpected(log, error, "create-collection");
    return { fieldErrors: {}, formError, values, created: null };
  }
}
