import { and, count, desc, eq, getTableColumns, gt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client";
import { type AuditAction, auditEvents, projects } from "./schema";

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

/** Appends one event; the table refuses updates and deletes. */
export async function insertAuditEvent(db: Executor, event: NewAuditEvent): Promise<AuditEvent> {
  const [row] = await db.insert(auditEvents).values(event).returning();
  if (!row) throw new Error("insert into audit_events returned no row");
  return row;
}

/**
 * When a project's most recent events of one action happened since `since`, newest first, at
 * most `limit` of them: enough to enforce "at most N an hour" and say when the next is due.
 */
export async function listRecentEventTimes(
  db: Executor,
  scope: { projectId: string; action: AuditAction; since: Date; limit: number },
): Promise<Date[]> {
  const rows = await db
    .select({ createdAt: auditEvents.createdAt })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.projectId, scope.projectId),
        eq(auditEvents.action, scope.action),
        gt(auditEvents.createdAt, scope.since),
      ),
    )
    .orderBy(desc(auditEvents.createdAt))
    .limit(scope.limit);
  return rows.map((row) => row.createdAt);
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditScope = { projectId: string; ownerId: string };
export type AuditFilter = { action?: AuditAction };

// Every read of the trail goes through the owner's project: another developer's id matches
// no row, whatever project id they send.
function ownedEvents(db: Executor, scope: AuditScope) {
  return db
    .select(getTableColumns(auditEvents))
    .from(auditEvents)
    .innerJoin(
      projects,
      and(eq(projects.id, auditEvents.projectId), eq(projects.ownerId, scope.ownerId)),
    )
    .$dynamic();
}

function filterCondition(scope: AuditScope, filter: AuditFilter): SQL | undefined {
  return and(
    eq(auditEvents.projectId, scope.projectId),
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
  );
}

export type AuditEventPage = {
  events: AuditEvent[];
  total: number;
  page: number;
  pageCount: number;
};

/** One page of an owner's project trail, newest first, optionally of one action. */
export async function listAuditEventsPage(
  db: Executor,
  scope: AuditScope,
  query: AuditFilter & { page: number; pageSize?: number },
): Promise<AuditEventPage> {
  const pageSize = query.pageSize ?? AUDIT_PAGE_SIZE;
  const where = filterCondition(scope, query);

  const [counted] = await db
    .select({ total: count() })
    .from(auditEvents)
    .innerJoin(
      projects,
      and(eq(projects.id, auditEvents.projectId), eq(projects.ownerId, scope.ownerId)),
    )
    .where(where);
  const total = counted?.total ?? 0;

  const events = await ownedEvents(db, scope)
    .where(where)
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(pageSize)
    .offset((query.page - 1) * pageSize);

  return { events, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * The whole filtered trail for export, newest first, in batches. Each batch continues after
 * the last row of the one before by (created_at, id), compared in the database at full
 * precision, so events written during an export neither repeat nor shift rows.
 */
export async function* iterateAuditEvents(
  db: Executor,
  scope: AuditScope,
  filter: AuditFilter,
  batchSize = 500,
): AsyncGenerator<AuditEvent[]> {
  let after: { id: number } | null = null;
  while (true) {
    const cursor: SQL | undefined = after
      ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (
          select created_at, id from audit_events where id = ${after.id})`
      : undefined;
    const batch = await ownedEvents(db, scope)
      .where(and(filterCondition(scope, filter), cursor))
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(batchSize);

    if (batch.length > 0) yield batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = { id: last.id };
  }
}
