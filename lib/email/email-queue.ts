import { Queue } from "bullmq";
import { z } from "zod";
import { getQueueConnection } from "@/lib/redis";

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

export function getEmailQueue(): Queue<EmailJob> {
  globalForQueue.rekeyEmailQueue ??= new Queue<EmailJob>(EMAIL_QUEUE_NAME, {
    connection: getQueueConnection(),
  });
  return globalForQueue.rekeyEmailQueue;
}

/** One job per outbox row: the job id is the row id, so a second enqueue is a no-op. */
export async function enqueueEmail(messageId: string): Promise<void> {
  await getEmailQueue().add("send", emailJobSchema.parse({ messageId }), {
    ...EMAIL_JOB_OPTIONS,
    jobId: `email-${messageId}`,
  });
}
