import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import type { Database } from "@/db/client";
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { type RetireOutcome, retireExpiredKey } from "@/lib/rotation/retire-expired-key";
import { type CleanupJob, cleanupJobSchema } from "./cleanup.queue";

const log = logger.child({ module: "key-rotation-cleanup" });

/** A payload that does not parse will never parse: fail the job without retries. */
export function parseCleanupPayload(data: unknown): CleanupJob {
  const parsed = cleanupJobSchema.safeParse(data);
  if (!parsed.success) {
    throw new UnrecoverableError(`invalid cleanup payload: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}

/** The job's work without BullMQ around it: parse, then retire the key if it is due. */
export async function handleCleanup(
  db: Database,
  data: unknown,
  now = new Date(),
): Promise<RetireOutcome> {
  const payload = parseCleanupPayload(data);
  return retireExpiredKey(db, payload, { now });
}

/**
 * The BullMQ processor. A job that runs before the key's expiry (its delay was computed on
 * another machine's clock, or the expiry moved) goes back to the delayed set until then.
 */
export async function processCleanupJob(
  job: Job,
  token?: string,
): Promise<RetireOutcome["status"]> {
  const started = performance.now();
  const payload = parseCleanupPayload(job.data);
  const jobLog = log.child({ jobId: job.id, keyId: payload.keyId, projectId: payload.projectId });

  const outcome = await retireExpiredKey(getDb(), payload);
  const durationMs = Math.round(performance.now() - started);

  if (outcome.status === "not_due") {
    await job.moveToDelayed(outcome.expiresAt.getTime(), token);
    jobLog.info({ durationMs, runAt: outcome.expiresAt.toISOString() }, "cleanup job re-delayed");
    throw new DelayedError();
  }

  const reason = outcome.status === "skipped" ? outcome.reason : undefined;
  jobLog.info({ durationMs, outcome: outcome.status, reason }, "cleanup job done");
  return outcome.status;
}
