import type { ApiKey } from "@/db/api-keys";
import type { NewEmailMessage } from "@/db/email-messages";
import {
  keyExpiredEmailSchema,
  keyRevokedEmailSchema,
  keyRotatedEmailSchema,
} from "@/lib/email/email-data.schema";
import { maskKey } from "@/lib/keys/key-format";
import type { DeveloperActor } from "./request-actor";

// Outbox rows for the three key emails. Each `data` is parsed with the template's own schema
// before it is written, so a row the email worker cannot render never reaches the outbox.

type ProjectRef = { id: string; name: string };

function keyFields(project: ProjectRef, key: ApiKey) {
  return {
    projectId: project.id,
    projectName: project.name,
    keyType: key.type,
    maskedKey: maskKey(key.prefix, key.lastFour),
  };
}

function actorFields(actor: DeveloperActor) {
  return { actorEmail: actor.email, ipAddress: actor.ipAddress, userAgent: actor.userAgent };
}

export function keyRotatedMessage(args: {
  project: ProjectRef;
  actor: DeveloperActor;
  oldKey: ApiKey;
  newKey: ApiKey;
  rotatedAt: Date;
  graceSeconds: number;
}): NewEmailMessage {
  const { project, actor, oldKey, newKey } = args;
  const data = keyRotatedEmailSchema.parse({
    ...keyFields(project, oldKey),
    ...actorFields(actor),
    newMaskedKey: maskKey(newKey.prefix, newKey.lastFour),
    rotatedAt: args.rotatedAt.toISOString(),
    graceSeconds: args.graceSeconds,
    oldKeyExpiresAt: (oldKey.expiresAt ?? args.rotatedAt).toISOString(),
  });
  return {
    projectId: project.id,
    recipient: actor.email,
    template: "key-rotated",
    data,
    dedupeKey: `key-rotated:${oldKey.id}`,
  };
}

export function keyRevokedMessage(args: {
  project: ProjectRef;
  actor: DeveloperActor;
  key: ApiKey;
  revokedAt: Date;
}): NewEmailMessage {
  const data = keyRevokedEmailSchema.parse({
    ...keyFields(args.project, args.key),
    ...actorFields(args.actor),
    revokedAt: args.revokedAt.toISOString(),
  });
  return {
    projectId: args.project.id,
    recipient: args.actor.email,
    template: "key-revoked",
    data,
    dedupeKey: `key-revoked:${args.key.id}`,
  };
}

export function keyExpiredMessage(args: {
  project: ProjectRef;
  ownerEmail: string;
  key: ApiKey;
  expiredAt: Date;
}): NewEmailMessage {
  const data = keyExpiredEmailSchema.parse({
    ...keyFields(args.project, args.key),
    expiredAt: args.expiredAt.toISOString(),
  });
  return {
    projectId: args.project.id,
    recipient: args.ownerEmail,
    template: "key-expired",
    data,
    dedupeKey: `key-expired:${args.key.id}`,
  };
}
