import { type Job, UnrecoverableError } from "bullmq";
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { reconcileJobSchema } from "./reconcile.queue";
import { type ReconcileSummary, runReconcile } from "./run-reconcile";

const log = logger.child({ module: "reconcile" });

export async function processReconcileJob(job: Job): Promise<ReconcileSummary> {
  if (!reconcileJobSchema.safeParse(job.data).success) {
    throw new UnrecoverableError("invalid reconcile payload: expected an empty object");
  }

  const started = performance.now();
  const summary = await runReconcile(getDb());
  const durationMs = Math.round(performance.now() - started);
  log.info({ jobId: job.id, durationMs, ...summary }, "reconcile done");
  return summary;
}
