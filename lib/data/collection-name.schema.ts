import { z } from "zod";

/** Shared by the dashboard form, its action and the public API's path check. */
export const COLLECTION_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export const collectionNameSchema = z
  .string({ error: "Enter a collection name." })
  .trim()
  .min(1, "Enter a collection name.")
  .max(64, "Use 64 characters or fewer.")
  .regex(COLLECTION_NAME_PATTERN, "Start with a letter; then use letters, digits, _ or -.");

export const createCollectionSchema = z.object({
  projectId: z.uuid({ error: "Unknown project." }),
  name: collectionNameSchema,
});
export type CreateCollectionInput = z.infer<typeof createCollectionSchema>;

/** What the "New collection" form itself holds; the project comes from the page. */
export const newCollectionFormSchema = createCollectionSchema.pick({ name: true });
export const NEW_COLLECTION_FIELDS = ["name"] as const;
export type NewCollectionField = (typeof NEW_COLLECTION_FIELDS)[number];
