import { EMAIL_JOB_OPTIONS, emailJobSchema, getEmailQueue } from "./email-queue";

/** No outbox row is tried more often than this, however many jobs reach it. */
export const EMAIL_MAX_ATTEMPTS = EMAIL_JOB_OPTIONS.attempts;

/**
 * Enqueues an outbox row again for the reconcile job, after its first job was lost or
 * finished without sending. The id carries the row's attempt count: it differs from every
 * earlier job of the row (BullMQ ignores an id it still remembers), yet two reconcilers that
 * see the same row enqueue it once.
 */
export async function enqueueEmailRetry(messageId: string, attempts: number): Promise<void> {
  await getEmailQueue().add("send", emailJobSchema.parse({ messageId }), {
    ...EMAIL_JOB_OPTIONS,
    jobId: `email-${messageId}-retry-${attempts}`,
  });
}
