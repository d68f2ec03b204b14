import { Queue } from "bullmq";
import { z } from "zod";
import {
  getProducerConnection,
  PRODUCER_DEADLINE_MS,
  quietQueueErrors,
  withRedisDeadline,
} from "@/lib/redis";

export const EMAIL_QUEUE_NAME = "email";

export const emailJobSchema = z.object({ messageId: z.uuid() });
export type EmailJob = z.infer<typeof emailJobSchema>;

export const EMAIL_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 24 * 60 * 60 },
  removeOnFail: { age: 7 * 24 * 60 * 60 },
} as const;

const globalForQueue = globalThis as unknown as { rekeyEmailQueue?: Queue<EmailJob> };

/** The producer side of the email queue; the email worker consumes it with its own Worker. */
export function getEmailQueue(): Queue<EmailJob> {
  globalForQueue.rekeyEmailQueue ??= quietQueueErrors(
    new Queue<EmailJob>(EMAIL_QUEUE_NAME, { connection: getProducerConnection() }),
    EMAIL_QUEUE_NAME,
  );
  return globalForQueue.rekeyEmailQueue;
}

/**
 * One job per outbox row: the job id is the row id, so a second enqueue is a no-op. The row
 * is already committed, so when Redis is away this gives up within PRODUCER_DEADLINE_MS
 * rather than hold up the caller; reconcile enqueues the row later.
 */
export async function enqueueEmail(messageId: string): Promise<void> {
  const job = getEmailQueue().add("send", emailJobSchema.parse({ messageId }), {
    ...EMAIL_JOB_OPTIONS,
    jobId: emailJobId(messageId),
  });
  await withRedisDeadline(job, PRODUCER_DEADLINE_MS, "enqueueing an email");
}

export function emailJobId(messageId: string): string {
  return `email-${messageId}`;
}

export async function closeEmailQueue(): Promise<void> {
  const queue = globalForQueue.rekeyEmailQueue;
  globalForQueue.rekeyEmailQueue = undefined;
  await queue?.close();
}
