/** The worker process: consumes Rekey's BullMQ queues until SIGINT or SIGTERM. */
import { closeDb } from "@/db/client";
import { closeEmailQueue } from "@/lib/email/email-queue";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { closeRedis } from "@/lib/redis";
import { closeCleanupQueue } from "./key-rotation-cleanup/cleanup.queue";
import { startWorkers } from "./registry";

const log = logger.child({ module: "worker" });

async function main(): Promise<void> {
  env();
  const running = await startWorkers();
  log.info({ queues: running.names }, "worker ready");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker stopping");
    await running.close();
    // Queues this process only adds to share the producer connection; close them first.
    await Promise.all([closeEmailQueue(), closeCleanupQueue()]);
    await Promise.all([closeDb(), closeRedis()]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
