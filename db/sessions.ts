import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "./client";
import { session } from "./schema";

/**
 * Records that the developer re-entered their password in this session. Only the
 * developer's own, unexpired session changes; null when there is none.
 */
export async function markSessionReauthenticated(
  db: Executor,
  scope: { sessionId: string; developerId: string },
  at: Date,
): Promise<{ reauthenticatedAt: Date } | null> {
  const [row] = await db
    .update(session)
    .set({ reauthenticatedAt: at })
    .where(
      and(
        eq(session.id, scope.sessionId),
        eq(session.userId, scope.developerId),
        gt(session.expiresAt, at),
      ),
    )
    .returning({ reauthenticatedAt: session.reauthenticatedAt });
  return row?.reauthenticatedAt ? { reauthenticatedAt: row.reauthenticatedAt } : null;
}
