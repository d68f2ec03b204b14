import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "./client";
import { emailMessages } from "./schema";

export type EmailMessage = typeof emailMessages.$inferSelect;
export type NewEmailMessage = Pick<
  typeof emailMessages.$inferInsert,
  "projectId" | "recipient" | "template" | "data" | "dedupeKey"
>;

/**
 * Writes an outbox row, normally inside the transaction of the event it tells. Returns null
 * when a row with the same dedupe key exists: every event is told once.
 */
export async function insertOutboxMessage(
  db: Executor,
  message: NewEmailMessage,
): Promise<EmailMessage | null> {
  const [row] = await db
    .insert(emailMessages)
    .values(message)
    .onConflictDoNothing({ target: emailMessages.dedupeKey })
    .returning();
  return row ?? null;
}

export async function findOutboxMessage(db: Executor, id: string): Promise<EmailMessage | null> {
  const [row] = await db.select().from(emailMessages).where(eq(emailMessages.id, id));
  return row ?? null;
}

/*
 * An outbox row's life, and why it is sent at most once:
 *
 *   pending --claim--> sending --sent--> sent
 *      ^                  |  \--last attempt, or refused for good--> failed
 *      +----retry---------+
 *      +----stuck: still sending after STUCK_SENDING_MS (worker died)
 *
 * Only a claim moves a row out of `pending`, and a claim is one UPDATE guarded by
 * `status = 'pending'`: when two jobs race for one row, exactly one gets it back and the
 * other sends nothing. Every later step is guarded by `status = 'sending'`.
 *
 * While a row is `sending` (or back to `pending` after a failed try), `sent_at` holds when
 * the latest attempt began; once `sent`, it is when the provider accepted the message.
 * A sender that died mid-send is recognised by that time alone: no live send lasts
 * anywhere near STUCK_SENDING_MS, because the transports time out long before.
 */

/** Long past any live send (the Resend transport gives up after 10 seconds). */
export const STUCK_SENDING_MS = 10 * 60 * 1000;

export type RenderedContent = { subject: string; html: string; text: string };

/** Takes a pending row for one send attempt; null when it is not pending any more. */
export async function claimOutboxMessage(db: Executor, id: string): Promise<EmailMessage | null> {
  const [row] = await db
    .update(emailMessages)
    .set({
      status: "sending",
      attempts: sql`${emailMessages.attempts} + 1`,
      sentAt: sql`now()`,
    })
    .where(and(eq(emailMessages.id, id), eq(emailMessages.status, "pending")))
    .returning();
  return row ?? null;
}

export async function markOutboxSent(
  db: Executor,
  id: string,
  sent: RenderedContent & { providerId: string },
): Promise<EmailMessage | null> {
  const [row] = await db
    .update(emailMessages)
    .set({ ...sent, status: "sent", sentAt: sql`now()`, lastError: null })
    .where(and(eq(emailMessages.id, id), eq(emailMessages.status, "sending")))
    .returning();
  return row ?? null;
}

/**
 * Ends a failed attempt: back to `pending` for the queue's next try, or `failed` for good.
 * `lastError` must be safe to show: callers pass the transport's own description.
 */
export async function finishFailedAttempt(
  db: Executor,
  id: string,
  outcome: { status: "pending" | "failed"; lastError: string; rendered: RenderedContent | null },
): Promise<EmailMessage | null> {
  const [row] = await db
    .update(emailMessages)
    .set({ status: outcome.status, lastError: outcome.lastError, ...(outcome.rendered ?? {}) })
    .where(and(eq(emailMessages.id, id), eq(emailMessages.status, "sending")))
    .returning();
  return row ?? null;
}

/**
 * Recovers rows left `sending` by a worker that died mid-send: back to `pending` while
 * attempts remain, `failed` otherwise. For the reconcile job; returns the rows it moved.
 */
export async function releaseStuckOutboxMessages(
  db: Executor,
  scope: { stuckBefore: Date; maxAttempts: number },
): Promise<Pick<EmailMessage, "id" | "status" | "attempts">[]> {
  return db
    .update(emailMessages)
    .set({
      status: sql`case when ${emailMessages.attempts} >= ${scope.maxAttempts}
        then 'failed' else 'pending' end`,
      lastError: "the sending worker stopped before the send was confirmed",
    })
    .where(and(eq(emailMessages.status, "sending"), lt(emailMessages.sentAt, scope.stuckBefore)))
    .returning({
      id: emailMessages.id,
      status: emailMessages.status,
      attempts: emailMessages.attempts,
    });
}

/**
 * Pending rows written before `olderThan` (so that a row whose enqueue is still in flight is
 * left alone) with attempts left, oldest first. Failed rows are never returned: after the
 * last attempt a row stays failed.
 */
export async function findOutboxRowsToRetry(
  db: Executor,
  scope: { olderThan: Date; maxAttempts: number; limit?: number },
): Promise<Pick<EmailMessage, "id" | "attempts">[]> {
  return db
    .select({ id: emailMessages.id, attempts: emailMessages.attempts })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.status, "pending"),
        lt(emailMessages.createdAt, scope.olderThan),
        lt(emailMessages.attempts, scope.maxAttempts),
      ),
    )
    .orderBy(asc(emailMessages.createdAt))
    .limit(scope.limit ?? 100);
}

/** The development mailbox: one developer's emails, newest first. */
export async function listMailboxMessages(
  db: Executor,
  scope: { recipient: string; limit?: number },
): Promise<EmailMessage[]> {
  return db
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.recipient, scope.recipient))
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(scope.limit ?? 50);
}
