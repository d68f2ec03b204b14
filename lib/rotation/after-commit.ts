import { enqueueEmail } from "@/lib/email/email-queue";
import type { Logger } from "@/lib/logger";
import { publishKeyInvalidation } from "@/lib/verification/publish-invalidation";
import { type CleanupTarget, enqueueCleanup } from "@/workers/key-rotation-cleanup/cleanup.queue";

/** What to tell Redis once a key change has committed. */
export type AfterCommit = {
  cleanup?: CleanupTarget;
  emailMessageId?: string | null;
  invalidateKeyId?: string;
};

async function attempt(log: Logger, what: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    // The database already holds the truth: reconcile re-enqueues what is missing, and
    // verification judges expiry by the clock, so a lost Redis delays nothing that matters.
    log.warn({ err: (error as Error).message }, `${what} failed; reconcile will catch up`);
  }
}

/**
 * Enqueues the cleanup job and the email and publishes the invalidation, each bounded in
 * time and none able to fail the change that already committed.
 */
export async function runAfterCommit(log: Logger, effects: AfterCommit): Promise<void> {
  const { cleanup, emailMessageId, invalidateKeyId } = effects;
  const tasks: Promise<void>[] = [];

  // Never throws, and logs its own failure.
  if (invalidateKeyId) tasks.push(publishKeyInvalidation(invalidateKeyId).then(() => {}));
  if (cleanup) {
    tasks.push(attempt(log, "enqueueing the cleanup job", () => enqueueCleanup(cleanup)));
  }
  if (emailMessageId) {
    tasks.push(attempt(log, "enqueueing the email", () => enqueueEmail(emailMessageId)));
  }
  await Promise.all(tasks);
}
