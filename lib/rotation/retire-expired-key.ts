import {
  type ApiKey,
  type KeyForRetirement,
  lockKeyForRetirement,
  updateKeyLifecycle,
} from "@/db/api-keys";
import { insertAuditEvent } from "@/db/audit-events";
import type { Database, Executor } from "@/db/client";
import { insertOutboxMessage } from "@/db/email-messages";
import { actorColumns } from "@/lib/audit/actor";
import { logger } from "@/lib/logger";
import { runAfterCommit } from "./after-commit";
import { keyExpiredMessage } from "./key-notifications";

export type RetireOutcome =
  | { status: "retired"; key: ApiKey; emailMessageId: string | null }
  | { status: "skipped"; reason: "key_gone" | "already_retired" | "current_key" }
  | { status: "not_due"; expiresAt: Date };

export type RetireOptions = { now?: Date };

/**
 * Finishes the end of life of a key whose grace period is over: marks it retired, records
 * `api_key.expired` (actor: system) and queues the expiry email, in one transaction with the
 * key row locked; then publishes the invalidation. Verification has refused the key since
 * its expiry regardless: this is bookkeeping, and safe to run any number of times.
 */
export async function retireExpiredKey(
  db: Database,
  target: { projectId: string; keyId: string },
  options: RetireOptions = {},
): Promise<RetireOutcome> {
  const now = options.now ?? new Date();
  const outcome = await db.transaction((tx) => retireInTransaction(tx, target, now));
  if (outcome.status !== "retired") return outcome;

  const log = logger.child({
    module: "rotation",
    projectId: target.projectId,
    keyId: target.keyId,
  });
  log.info({ keyType: outcome.key.type }, "expired key retired");
  await runAfterCommit(log, {
    invalidateKeyId: outcome.key.id,
    emailMessageId: outcome.emailMessageId,
  });
  return outcome;
}

async function retireInTransaction(
  tx: Executor,
  target: { projectId: string; keyId: string },
  now: Date,
): Promise<RetireOutcome> {
  // A deleted project took its keys with it (on delete cascade): nothing is left to do.
  const found = await lockKeyForRetirement(tx, target);
  if (!found) return { status: "skipped", reason: "key_gone" };

  const { key } = found;
  if (key.retiredAt) return { status: "skipped", reason: "already_retired" };
  if (!key.expiresAt) return { status: "skipped", reason: "current_key" };
  if (key.expiresAt > now) return { status: "not_due", expiresAt: key.expiresAt };

  const retired = await updateKeyLifecycle(tx, target, { retiredAt: now });
  if (!retired) return { status: "skipped", reason: "already_retired" };

  await recordExpiry(tx, found, key.expiresAt);
  const message = await insertOutboxMessage(
    tx,
    keyExpiredMessage({
      project: { id: key.projectId, name: found.projectName },
      ownerEmail: found.ownerEmail,
      key,
      expiredAt: key.expiresAt,
    }),
  );
  return { status: "retired", key: retired, emailMessageId: message?.id ?? null };
}

async function recordExpiry(tx: Executor, found: KeyForRetirement, expiredAt: Date) {
  const { key } = found;
  await insertAuditEvent(tx, {
    projectId: key.projectId,
    action: "api_key.expired",
    ...actorColumns({ type: "system" }),
    keyId: key.id,
    keyType: key.type,
    keyPrefix: key.prefix,
    keyLastFour: key.lastFour,
    keyExpiresAt: expiredAt,
  });
}
