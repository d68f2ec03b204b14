import { z } from "zod";
import { KEY_TYPES } from "@/lib/keys/key-format";
import { GRACE_PERIOD_IDS, GRACE_PERIODS } from "./grace-periods";

const labels = GRACE_PERIODS.map((p) => p.label.toLowerCase());
const graceLabels = `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;

/** The rotate dialog's form and the rotate action both parse with this schema. */
export const rotateKeySchema = z.object({
  projectId: z.uuid({ error: "This project does not exist." }),
  keyType: z.enum(KEY_TYPES, { error: "Choose the publishable key or the secret key." }),
  // No default: a request without a grace period is refused rather than guessed.
  grace: z.enum(GRACE_PERIOD_IDS, { error: `Choose a grace period: ${graceLabels}.` }),
});

export type RotateKeyInput = z.infer<typeof rotateKeySchema>;
