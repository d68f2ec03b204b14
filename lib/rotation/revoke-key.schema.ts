import { z } from "zod";

/** The "Revoke now" confirmation and the revoke action both parse with this schema. */
export const revokeKeySchema = z.object({
  projectId: z.uuid({ error: "This project does not exist." }),
  keyId: z.uuid({ error: "This key does not exist." }),
});

export type RevokeKeyInput = z.infer<typeof revokeKeySchema>;
