import { z } from "zod";
import { KEY_TYPES } from "@/lib/keys/key-format";

// What an outbox row's `data` holds for each template. Written by the code that records an
// event, parsed again by the email worker before rendering. Never a key or a hash: keys
// appear only masked (prefix…last4).

const keyFields = {
  projectId: z.uuid(),
  projectName: z.string().min(1),
  keyType: z.enum(KEY_TYPES),
  maskedKey: z.string().regex(/^[ps]k_live_…[0-9A-Za-z]{4}$/),
};

const actorFields = {
  actorEmail: z.email(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
};

export const keyRotatedEmailSchema = z.object({
  ...keyFields,
  ...actorFields,
  newMaskedKey: z.string().regex(/^[ps]k_live_…[0-9A-Za-z]{4}$/),
  rotatedAt: z.iso.datetime(),
  graceSeconds: z.number().int().min(0),
  // When the old key stops working; equal to rotatedAt when it was revoked at once.
  oldKeyExpiresAt: z.iso.datetime(),
});

export const keyRevokedEmailSchema = z.object({
  ...keyFields,
  ...actorFields,
  revokedAt: z.iso.datetime(),
});

export const keyExpiredEmailSchema = z.object({
  ...keyFields,
  expiredAt: z.iso.datetime(),
});

export const EMAIL_DATA_SCHEMAS = {
  "key-rotated": keyRotatedEmailSchema,
  "key-revoked": keyRevokedEmailSchema,
  "key-expired": keyExpiredEmailSchema,
} as const;

export type KeyRotatedEmail = z.infer<typeof keyRotatedEmailSchema>;
export type KeyRevokedEmail = z.infer<typeof keyRevokedEmailSchema>;
export type KeyExpiredEmail = z.infer<typeof keyExpiredEmailSchema>;
