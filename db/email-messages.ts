import { eq } from "drizzle-orm";
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
