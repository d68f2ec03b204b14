import { Queue, Worker } from "bullmq";
import { logger } from "@/lib/logger";
import { getQueueConnection } from "@/lib/redis";
import { processReconcileJob } from "./reconcile.processor";
import { RECONCILE_QUEUE_NAME, scheduleReconcile } from "./reconcile.queue";

const log = logger.child({ module: "reconcile" });

/** Schedules the every-minute reconcile job (idempotent) and consumes it in this process. */
export async function startReconcileWorker(): Promise<Worker> {
  const queue = new Queue(RECONCILE_QUEUE_NAME, { connection: getQueueConnection() });
  await scheduleReconcile(queue);
  await queue.close();

  // One at a time per worker: a run already covers everything that is due.
  const worker = new Worker(RECONCILE_QUEUE_NAME, processReconcileJob, {
    connection: getQueueConnection(),
    concurrency: 1,
  });
  worker.on("failed", (job, error) => {
    log.error({ jobId: job?.id, err: error.message }, "reconcile job failed");
  });
  worker.on("error", (error) => log.error({ err: error.message }, "reconcile worker error"));
  return worker;
}
