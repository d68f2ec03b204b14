import { Queue } from "bullmq";
import { z } from "zod";
import {
  getProducerConnection,
  PRODUCER_DEADLINE_MS,
  quietQueueErrors,
  withRedisDeadline,
} from "@/lib/redis";

export const CLEANUP_QUEUE_NAME = "key-rotation-cleanup";

/** Ids only: a job never carries a key, a hash or anything an email would show. */
export const cleanupJobSchema = z.object({ keyId: z.uuid(), projectId: z.uuid() });
export type CleanupJob = z.infer<typeof cleanupJobSchema>;

export const CLEANUP_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 10_000 },
  // A finished job is kept for a week so that re-adding its id (reconcile does) is a no-op.
  removeOnComplete: { age: 7 * 24 * 60 * 60 },
  removeOnFail: { age: 30 * 24 * 60 * 60 },
} as const;

const BULK_ENQUEUE_DEADLINE_MS = 10_000;

export type CleanupTarget = CleanupJob & { expiresAt: Date };

/** Deterministic, so that a key has at most one cleanup job however often it is enqueued. */
export function cleanupJobId(keyId: string): string {
  return `cleanup-${keyId}`;
}

/** The job for one key, delayed until its grace period ends. */
export function cleanupJobFor(target: CleanupTarget, now = Date.now()) {
  return {
    name: "retire-key",
    data: cleanupJobSchema.parse({ keyId: target.keyId, projectId: target.projectId }),
    opts: {
      ...CLEANUP_JOB_OPTIONS,
      jobId: cleanupJobId(target.keyId),
      delay: Math.max(0, target.expiresAt.getTime() - now),
    },
  };
}

const globalForQueue = globalThis as unknown as { rekeyCleanupQueue?: Queue<CleanupJob> };

/** The producer side of the cleanup queue, on the fail-fast connection. */
export function getCleanupQueue(): Queue<CleanupJob> {
  globalForQueue.rekeyCleanupQueue ??= quietQueueErrors(
    new Queue<CleanupJob>(CLEANUP_QUEUE_NAME, { connection: getProducerConnection() }),
    CLEANUP_QUEUE_NAME,
  );
  return globalForQueue.rekeyCleanupQueue;
}

/** Rejects within PRODUCER_DEADLINE_MS when Redis is away; reconcile adds it later. */
export async function enqueueCleanup(target: CleanupTarget): Promise<void> {
  const job = cleanupJobFor(target);
  await withRedisDeadline(
    getCleanupQueue().add(job.name, job.data, job.opts),
    PRODUCER_DEADLINE_MS,
    "enqueueing a key cleanup",
  );
}

/** Many at once (reconcile); ids already known to the queue are left as they are. */
export async function enqueueCleanups(targets: CleanupTarget[]): Promise<void> {
  if (targets.length === 0) return;
  const now = Date.now();
  await withRedisDeadline(
    getCleanupQueue().addBulk(targets.map((target) => cleanupJobFor(target, now))),
    BULK_ENQUEUE_DEADLINE_MS,
    "enqueueing key cleanups",
  );
}

export async function closeCleanupQueue(): Promise<void> {
  const queue = globalForQueue.rekeyCleanupQueue;
  globalForQueue.rekeyCleanupQueue = undefined;
  await queue?.close();
}
