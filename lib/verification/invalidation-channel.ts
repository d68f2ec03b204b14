import { z } from "zod";

/** Redis pub/sub channel on which web instances hear that a key must leave their cache. */
export const KEY_INVALIDATION_CHANNEL = "rekey:key-invalidation";

// Carries the key id only: neither the key nor its hash ever travels over Redis.
export const keyInvalidationSchema = z.object({ keyId: z.uuid() });
export type KeyInvalidation = z.infer<typeof keyInvalidationSchema>;
