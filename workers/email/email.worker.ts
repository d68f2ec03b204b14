import { Worker } from "bullmq";
import { getDb } from "@/db/client";
import { EMAIL_QUEUE_NAME } from "@/lib/email/email-queue";
import { getEmailTransport } from "@/lib/email/transports/get-email-transport";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getQueueConnection } from "@/lib/redis";
import { createEmailProcessor } from "./email.processor";

const log = logger.child({ module: "email-worker" });

// Sends are network-bound; a few at once keep a burst of rotations moving.
const CONCURRENCY = 5;

export function startEmailWorker(): Worker {
  const config = env();
  const processor = createEmailProcessor({
    db: getDb(),
    transport: getEmailTransport(),
    from: config.EMAIL_FROM,
    appUrl: config.APP_URL,
  });

  const worker = new Worker(EMAIL_QUEUE_NAME, processor, {
    connection: getQueueConnection(),
    concurrency: CONCURRENCY,
  });
  worker.on("error", (error) => log.error({ err: error }, "email worker error"));
  log.info({ transport: getEmailTransport().name }, "email worker started");
  return worker;
}
