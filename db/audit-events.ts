import type { Executor } from "./client";
import { auditEvents } from "./schema";

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

/** Appends one event; the table refuses updates and deletes. */
export async function insertAuditEvent(db: Executor, event: NewAuditEvent): Promise<AuditEvent> {
  const [row] = await db.insert(auditEvents).values(event).returning();
  if (!row) throw new Error("insert into audit_events returned no row");
  return row;
}
