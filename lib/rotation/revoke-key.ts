import { type ApiKey, lockKeyInProject, updateKeyLifecycle } from "@/db/api-keys";
import { insertAuditEvent } from "@/db/audit-events";
import type { Database, Executor } from "@/db/client";
import { insertOutboxMessage } from "@/db/email-messages";
import { lockProjectForOwner, type Project } from "@/db/projects";
import { actorColumns } from "@/lib/audit/actor";
import { logger } from "@/lib/logger";
import { runAfterCommit } from "./after-commit";
import { keyRevokedMessage } from "./key-notifications";
import { keySummary } from "./key-summary";
import type { DeveloperActor } from "./request-actor";
import { type RevokeKeyInput, revokeKeySchema } from "./revoke-key.schema";
import { PROJECT_NOT_FOUND } from "./rotate-key";
import { invalidInput, type RevokeKeyResult, RotationError } from "./rotation-result";

type Revocation = { key: ApiKey; emailMessageId: string | null };

/**
 * "Revoke now": ends the grace period of one replaced key of the owner's project at once.
 * The key's pending cleanup job later finds it retired and does nothing.
 */
export async function revokePreviousKey(
  db: Database,
  actor: DeveloperActor,
  input: unknown,
): Promise<RevokeKeyResult> {
  const parsed = revokeKeySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);

  let revocation: Revocation;
  try {
    revocation = await db.transaction((tx) => revokeInTransaction(tx, actor, parsed.data));
  } catch (error) {
    if (error instanceof RotationError) return error.toFailure();
    throw error;
  }

  const { key, emailMessageId } = revocation;
  const log = logger.child({ module: "rotation", projectId: key.projectId, keyId: key.id });
  log.info({ keyType: key.type }, "key revoked before its expiry");
  await runAfterCommit(log, { emailMessageId, invalidateKeyId: key.id });

  const revokedAt = (key.revokedAt ?? new Date()).toISOString();
  return { ok: true, revokedKey: { ...keySummary(key), revokedAt } };
}

async function revokeInTransaction(
  tx: Executor,
  actor: DeveloperActor,
  input: RevokeKeyInput,
): Promise<Revocation> {
  const project = await lockProjectForOwner(tx, { projectId: input.projectId, ownerId: actor.id });
  if (!project) throw new RotationError("not_found", PROJECT_NOT_FOUND);

  const scope = { projectId: project.id, keyId: input.keyId };
  const key = await lockKeyInProject(tx, scope);
  if (!key) throw new RotationError("not_found", "This key does not exist in this project.");

  const now = new Date();
  assertInGrace(key, now);
  const revoked = await updateKeyLifecycle(tx, scope, { revokedAt: now, retiredAt: now });
  if (!revoked) throw new Error("the key was retired while it was locked");

  await recordRevocation(tx, project, actor, revoked, now);
  const message = await insertOutboxMessage(
    tx,
    keyRevokedMessage({ project, actor, key: revoked, revokedAt: now }),
  );
  return { key: revoked, emailMessageId: message?.id ?? null };
}

function assertInGrace(key: ApiKey, now: Date): void {
  if (!key.expiresAt && !key.revokedAt) {
    throw new RotationError(
      "not_in_grace",
      "This is the project's current key. Rotate it to replace it instead.",
    );
  }
  if (key.revokedAt || key.retiredAt || !key.expiresAt || key.expiresAt <= now) {
    throw new RotationError("not_in_grace", "This key has already stopped working.");
  }
}

async function recordRevocation(
  tx: Executor,
  project: Project,
  actor: DeveloperActor,
  key: ApiKey,
  now: Date,
): Promise<void> {
  await insertAuditEvent(tx, {
    projectId: project.id,
    action: "api_key.revoked",
    ...actorColumns(actor),
    keyId: key.id,
    keyType: key.type,
    keyPrefix: key.prefix,
    keyLastFour: key.lastFour,
    // When the key actually stopped working; the expiry it would have had is kept below.
    keyExpiresAt: now,
    metadata: { scheduledExpiresAt: key.expiresAt?.toISOString() ?? null },
    createdAt: now,
  });
}
