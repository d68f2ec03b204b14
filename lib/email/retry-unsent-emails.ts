import type { Executor } from "@/db/client";
import {
  findOutboxRowsToRetry,
  releaseStuckOutboxMessages,
  STUCK_SENDING_MS,
} from "@/db/email-messages";
import { logger } from "@/lib/logger";
import { EMAIL_MAX_ATTEMPTS, enqueueEmailRetry } from "./enqueue-email-retry";

const log = logger.child({ module: "email-reconcile" });

/**
 * A pending row younger than this may still have its first job on the way (the rotation
 * enqueues after commit, and a failed try waits out its backoff, 75 s at most in all).
 */
export const UNQUEUED_AFTER_MS = 5 * 60 * 1000;

export type RetryUnsentResult = { released: number; failed: number; enqueued: number };

/**
 * For the reconcile job: puts rows a dead worker left `sending` back in play, then enqueues
 * every pending row whose job was lost. Rows that used up their attempts end `failed` and
 * are never picked up again. Safe to run from several workers at once: claims decide.
 */
export async function retryUnsentEmails(
  db: Executor,
  now: Date = new Date(),
): Promise<RetryUnsentResult> {
  const maxAttempts = EMAIL_MAX_ATTEMPTS;
  const released = await releaseStuckOutboxMessages(db, {
    stuckBefore: new Date(now.getTime() - STUCK_SENDING_MS),
    maxAttempts,
  });

  const rows = await findOutboxRowsToRetry(db, {
    olderThan: new Date(now.getTime() - UNQUEUED_AFTER_MS),
    maxAttempts,
  });
  let enqueued = 0;
  for (const row of rows) {
    if (await tryEnqueue(row)) enqueued += 1;
  }

  const result = {
    released: released.filter((row) => row.status === "pending").length,
    failed: released.filter((row) => row.status === "failed").length,
    enqueued,
  };
  if (result.released + result.failed + result.enqueued > 0) log.info(result, "unsent emails");
  return result;
}

// One row that cannot be enqueued now stays pending for the next pass; the others go on.
async function tryEnqueue(row: { id: string; attempts: number }): Promise<boolean> {
  try {
    await enqueueEmailRetry(row.id, row.attempts);
    return true;
  } catch (error) {
    log.warn({ messageId: row.id, err: (error as Error).message }, "could not enqueue email");
    return false;
  }
}
