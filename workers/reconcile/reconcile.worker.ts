import { Queue, Worker } from "bullmq";
import { logger } from "@/lib/logger";
import { getQueueConnection } from "@/lib/redis";
import { processReconcileJob } from "./reconcile.processor";
import {
  RECONCILE_QUEUE_NAME,
  RECONCILE_RESCHEDULE_MS,
  scheduleReconcile,
} from "./reconcile.queue";

const log = logger.child({ module: "reconcile" });

/**
 * Schedules the every-minute reconcile job (idempotent, and again every few seconds so that
 * a Redis that lost it gets it back) and consumes it in this process.
 */
export async function startReconcileWorker(): Promise<Worker> {
  const queue = new Queue(RECONCILE_QUEUE_NAME, { connection: getQueueConnection() });
  await scheduleReconcile(queue);
  const keepScheduled = setInterval(() => {
    scheduleReconcile(queue).catch((error: Error) => {
      log.warn({ err: error.message }, "could not upsert the reconcile schedule");
    });
  }, RECONCILE_RESCHEDULE_MS);
  keepScheduled.unref();

  // One at a time per worker: a run already covers everything that is due.
  const worker = new Worker(RECONCILE_QUEUE_NAME, processReconcileJob, {
    connection: getQueueConnection(),
    concurrency: 1,
  });
  worker.on("failed", (job, error) => {
    log.error({ jobId: job?.id, err: error.message }, "reconcile job failed");
  });
  worker.on("error", (error) => log.error({ err: error.message }, "reconcile worker error"));
  worker.on("closing", () => {
    clearInterval(keepScheduled);
    void queue.close();
  });
  return worker;
}
