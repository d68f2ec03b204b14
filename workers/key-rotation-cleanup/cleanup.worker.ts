import { Worker } from "bullmq";
import { logger } from "@/lib/logger";
import { getQueueConnection } from "@/lib/redis";
import { processCleanupJob } from "./cleanup.processor";
import { CLEANUP_QUEUE_NAME, type CleanupJob, cleanupJobSchema } from "./cleanup.queue";

const log = logger.child({ module: "key-rotation-cleanup" });

/** Consumes the key-rotation-cleanup queue in this process. */
export function startCleanupWorker(): Worker<CleanupJob> {
  const worker = new Worker<CleanupJob>(CLEANUP_QUEUE_NAME, processCleanupJob, {
    connection: getQueueConnection(),
    concurrency: 4,
  });

  worker.on("failed", (job, error) => {
    const payload = cleanupJobSchema.safeParse(job?.data);
    const ids = payload.success ? payload.data : {};
    log.error(
      { jobId: job?.id, ...ids, attemptsMade: job?.attemptsMade, err: error.message },
      "cleanup job failed",
    );
  });
  worker.on("error", (error) => log.error({ err: error.message }, "cleanup worker error"));
  return worker;
}
