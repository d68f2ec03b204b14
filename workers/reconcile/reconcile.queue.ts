import type { Queue } from "bullmq";
import { z } from "zod";

export const RECONCILE_QUEUE_NAME = "reconcile";

/** One scheduler for the whole deployment: every worker upserts the same id at start. */
export const RECONCILE_SCHEDULER_ID = "reconcile-every-minute";
export const RECONCILE_EVERY_MS = 60_000;
/**
 * How often each worker upserts the scheduler again. Redis can lose it with everything else
 * (a restart without persistence, a flush), and then nothing would ever run reconcile, the
 * one job that repairs such a loss. Upserting an existing scheduler keeps its next run.
 */
export const RECONCILE_RESCHEDULE_MS = 10_000;

// The scheduler's jobs carry no data; anything else in the payload means a foreign job.
export const reconcileJobSchema = z.object({}).strict();

export async function scheduleReconcile(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(
    RECONCILE_SCHEDULER_ID,
    { every: RECONCILE_EVERY_MS },
    {
      name: "reconcile",
      data: {},
      opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 1000 } },
    },
  );
}
