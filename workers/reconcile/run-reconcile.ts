import { listKeysDueForRetirement, listKeysInGrace } from "@/db/api-keys";
import type { Database } from "@/db/client";
import { type RetryUnsentResult, retryUnsentEmails } from "@/lib/email/retry-unsent-emails";
import { logger } from "@/lib/logger";
import { retireExpiredKey } from "@/lib/rotation/retire-expired-key";
import { enqueueCleanups } from "@/workers/key-rotation-cleanup/cleanup.queue";

const log = logger.child({ module: "reconcile" });

const BATCH_SIZE = 100;
// Bounds one run; whatever is left is the next minute's work.
const MAX_RETIRE_BATCHES = 20;
const GRACE_PAGE_SIZE = 500;

export type ReconcileSummary = {
  keysRetired: number;
  cleanupJobsEnsured: number;
  emails: RetryUnsentResult;
};

/**
 * Finishes whatever Redis lost or a stopped worker left undone, from the database alone:
 * retires keys whose grace ended, makes sure every key still in grace has its cleanup job,
 * and re-enqueues outbox rows that were never sent. Every step is idempotent, so several
 * workers may run it at once and a run may be repeated.
 */
export async function runReconcile(
  db: Database,
  options: { now?: Date } = {},
): Promise<ReconcileSummary> {
  const now = options.now ?? new Date();
  const failures: unknown[] = [];
  // Each step runs even when an earlier one failed: they repair independent things.
  const step = <T>(run: () => Promise<T>, fallback: T) =>
    run().catch((error: unknown) => {
      failures.push(error);
      return fallback;
    });

  const keysRetired = await step(() => retireDueKeys(db, now), 0);
  const cleanupJobsEnsured = await step(() => ensureCleanupJobs(db, now), 0);
  const emails = await step(() => retryUnsentEmails(db, now), NO_EMAILS);
  if (failures.length > 0) throw new AggregateError(failures, "reconcile left work undone");
  return { keysRetired, cleanupJobsEnsured, emails };
}

const NO_EMAILS: RetryUnsentResult = { released: 0, failed: 0, enqueued: 0 };

// The same code path as the cleanup job, so an expiry is recorded the same way whichever
// of the two gets there first (the key row lock and retired_at decide).
async function retireDueKeys(db: Database, now: Date): Promise<number> {
  let retired = 0;
  for (let batch = 0; batch < MAX_RETIRE_BATCHES; batch += 1) {
    const due = await listKeysDueForRetirement(db, { now, limit: BATCH_SIZE });
    for (const key of due) {
      if (await retireOne(db, key, now)) retired += 1;
    }
    if (due.length < BATCH_SIZE) break;
  }
  return retired;
}

async function retireOne(
  db: Database,
  key: { id: string; projectId: string },
  now: Date,
): Promise<boolean> {
  try {
    const outcome = await retireExpiredKey(
      db,
      { projectId: key.projectId, keyId: key.id },
      { now },
    );
    return outcome.status === "retired";
  } catch (error) {
    // One bad key must not stop the others; it stays due and is tried again next run.
    log.error({ keyId: key.id, projectId: key.projectId, err: error }, "could not retire key");
    return false;
  }
}

// Adding a job whose id the queue already holds is a no-op, so this costs one bulk call per
// page and only creates the jobs a flushed or unreachable Redis lost.
async function ensureCleanupJobs(db: Database, now: Date): Promise<number> {
  let ensured = 0;
  let afterId: string | null = null;
  for (;;) {
    const page = await listKeysInGrace(db, { now, afterId, limit: GRACE_PAGE_SIZE });
    const targets = page.map((key) => ({
      keyId: key.id,
      projectId: key.projectId,
      expiresAt: key.expiresAt,
    }));
    await enqueueCleanups(targets);
    ensured += page.length;

    const last = page.at(-1);
    if (!last || page.length < GRACE_PAGE_SIZE) return ensured;
    afterId = last.id;
  }
}
