import {
  type ApiKey,
  findKeyByHash,
  insertApiKey,
  lockCurrentKey,
  updateKeyLifecycle,
} from "@/db/api-keys";
import { insertAuditEvent } from "@/db/audit-events";
import type { Database, Executor } from "@/db/client";
import { insertOutboxMessage } from "@/db/email-messages";
import { lockProjectForOwner, type Project } from "@/db/projects";
import { actorColumns } from "@/lib/audit/actor";
import { generateKey, hashKey, storedKeyColumns } from "@/lib/keys/key-format";
import { logger } from "@/lib/logger";
import { type AfterCommit, runAfterCommit } from "./after-commit";
import { cappedExpiry } from "./capped-expiry";
import { type GracePeriod, gracePeriod } from "./grace-periods";
import { keyRotatedMessage } from "./key-notifications";
import { keySummary, oldKeySummary } from "./key-summary";
import type { DeveloperActor } from "./request-actor";
import { type RotateKeyInput, rotateKeySchema } from "./rotate-key.schema";
import { assertRotationAllowed } from "./rotation-rate-limit";
import { invalidInput, type RotateKeyResult, RotationError } from "./rotation-result";

type Rotation = {
  project: Project;
  oldKey: ApiKey;
  newKey: ApiKey;
  period: GracePeriod;
  emailMessageId: string | null;
};

export const PROJECT_NOT_FOUND = "This project does not exist, or it is not yours.";

/**
 * Rotates one key type of a project: a new current key, and the old one kept for the chosen
 * grace period (or revoked at once). Only the owner may; the new full key is in the result
 * and nowhere else.
 */
export async function rotateKey(
  db: Database,
  actor: DeveloperActor,
  input: unknown,
): Promise<RotateKeyResult> {
  const parsed = rotateKeySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);

  const fullKey = generateKey(parsed.data.keyType);
  let rotation: Rotation;
  try {
    rotation = await commitRotation(db, actor, parsed.data, fullKey);
  } catch (error) {
    if (error instanceof RotationError) return error.toFailure();
    throw error;
  }

  const { project, oldKey, newKey, period } = rotation;
  const log = logger.child({ module: "rotation", projectId: project.id, keyId: oldKey.id });
  log.info({ newKeyId: newKey.id, keyType: newKey.type, grace: period.id }, "key rotated");
  await runAfterCommit(log, afterRotation(rotation));

  return {
    ok: true,
    key: fullKey,
    newKey: keySummary(newKey),
    oldKey: oldKeySummary(oldKey),
    graceSeconds: period.seconds,
  };
}

async function commitRotation(
  db: Database,
  actor: DeveloperActor,
  input: RotateKeyInput,
  fullKey: string,
): Promise<Rotation> {
  let prepared: Rotation | undefined;
  try {
    return await db.transaction(async (tx) => {
      prepared = await rotateInTransaction(tx, actor, input, fullKey);
      return prepared;
    });
  } catch (error) {
    // The connection can drop after Postgres committed and before it said so. The new key's
    // hash exists exactly when the rotation committed: then it happened, and is reported.
    if (error instanceof RotationError || !prepared) throw error;
    if (!(await committed(db, fullKey))) throw error;
    return prepared;
  }
}

async function committed(db: Database, fullKey: string): Promise<boolean> {
  try {
    return (await findKeyByHash(db, hashKey(fullKey))) !== null;
  } catch {
    // Postgres is out of reach: the first error stands. Should the rotation have committed
    // all the same, reconcile enqueues its cleanup job and its email.
    return false;
  }
}

// The project row lock serialises rotations of one project: the rate limit count, the
// current key and the unique "one current key" index all see the previous rotation.
async function rotateInTransaction(
  tx: Executor,
  actor: DeveloperActor,
  input: RotateKeyInput,
  fullKey: string,
): Promise<Rotation> {
  const project = await lockProjectForOwner(tx, { projectId: input.projectId, ownerId: actor.id });
  if (!project) throw new RotationError("not_found", PROJECT_NOT_FOUND);

  // Read after the lock, so that rotations that waited for each other get increasing times.
  const now = new Date();
  await assertRotationAllowed(tx, project.id, now);

  const period = gracePeriod(input.grace);
  const oldKey = await deprecateCurrentKey(tx, project, input, now, period);
  // The old key leaves the "current" index first, so the new one can take its place.
  const newKey = await insertNewKey(tx, project, actor, fullKey);

  await recordRotation(tx, { project, actor, oldKey, newKey, now, period });
  const message = await insertOutboxMessage(
    tx,
    keyRotatedMessage({
      project,
      actor,
      oldKey,
      newKey,
      rotatedAt: now,
      graceSeconds: period.seconds,
    }),
  );
  return { project, oldKey, newKey, period, emailMessageId: message?.id ?? null };
}

async function deprecateCurrentKey(
  tx: Executor,
  project: Project,
  input: RotateKeyInput,
  now: Date,
  period: GracePeriod,
): Promise<ApiKey> {
  const scope = { projectId: project.id, type: input.keyType };
  const current = await lockCurrentKey(tx, scope);
  if (!current) throw new Error(`project has no current ${input.keyType} key`);

  const expiresAt = cappedExpiry(current.expiresAt, now, period.seconds);
  const revokedNow = period.seconds === 0 ? { revokedAt: now, retiredAt: now } : {};
  const updated = await updateKeyLifecycle(
    tx,
    { projectId: project.id, keyId: current.id },
    { deprecatedAt: now, expiresAt, ...revokedNow },
  );
  if (!updated) throw new Error("the current key changed while it was locked");
  return updated;
}

async function insertNewKey(
  tx: Executor,
  project: Project,
  actor: DeveloperActor,
  fullKey: string,
): Promise<ApiKey> {
  return insertApiKey(tx, {
    projectId: project.id,
    ...storedKeyColumns(fullKey),
    createdBy: actor.id,
  });
}

async function recordRotation(
  tx: Executor,
  args: {
    project: Project;
    actor: DeveloperActor;
    oldKey: ApiKey;
    newKey: ApiKey;
    now: Date;
    period: GracePeriod;
  },
): Promise<void> {
  const { project, actor, oldKey, newKey, now, period } = args;
  await insertAuditEvent(tx, {
    projectId: project.id,
    action: "api_key.rotated",
    ...actorColumns(actor),
    keyId: oldKey.id,
    keyType: oldKey.type,
    keyPrefix: oldKey.prefix,
    keyLastFour: oldKey.lastFour,
    graceSeconds: period.seconds,
    keyExpiresAt: oldKey.expiresAt,
    metadata: {
      grace: period.id,
      newKeyId: newKey.id,
      newKeyPrefix: newKey.prefix,
      newKeyLastFour: newKey.lastFour,
    },
    createdAt: now,
  });
}

// Every cache drops the old key, so that its new expiry (or revocation) applies at once and
// responses start carrying the Deprecation and Sunset headers.
function afterRotation(rotation: Rotation): AfterCommit {
  const { oldKey, emailMessageId } = rotation;
  const effects = { emailMessageId, invalidateKeyId: oldKey.id };
  // Revoked at once: retired in the same transaction, so there is nothing to clean up.
  if (oldKey.revokedAt || !oldKey.expiresAt) return effects;

  const cleanup = { keyId: oldKey.id, projectId: oldKey.projectId, expiresAt: oldKey.expiresAt };
  return { ...effects, cleanup };
}
