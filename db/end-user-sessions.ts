import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "./client";
import { endUserSessions } from "./schema";

export type EndUserSession = typeof endUserSessions.$inferSelect;

export async function insertEndUserSession(
  db: Executor,
  values: { projectId: string; endUserId: string; tokenHash: string; expiresAt: Date },
): Promise<EndUserSession> {
  const [session] = await db.insert(endUserSessions).values(values).returning();
  if (!session) throw new Error("insert into end_user_sessions returned no row");
  return session;
}

/**
 * Ends a live session (refresh rotation or logout) and returns it; null when the token is
 * unknown to this project, expired or already used. The row lock makes a token usable once
 * even when two requests race with it.
 */
export async function endLiveSession(
  db: Executor,
  scope: { projectId: string; tokenHash: string },
): Promise<EndUserSession | null> {
  const [session] = await db
    .update(endUserSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(endUserSessions.projectId, scope.projectId),
        eq(endUserSessions.tokenHash, scope.tokenHash),
        isNull(endUserSessions.revokedAt),
        gt(endUserSessions.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return session ?? null;
}
