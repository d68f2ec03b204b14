import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "./client";
import { endUsers } from "./schema";

export type EndUser = typeof endUsers.$inferSelect;
export type NewEndUser = {
  projectId: string;
  email: string;
  passwordHash: string;
  username: string | null;
  name: string | null;
};

/** Null when the project already has an end user with this email (any letter case). */
export async function insertEndUser(db: Executor, values: NewEndUser): Promise<EndUser | null> {
  const [user] = await db.insert(endUsers).values(values).onConflictDoNothing().returning();
  return user ?? null;
}

export async function findEndUserByEmail(
  db: Executor,
  scope: { projectId: string; email: string },
): Promise<EndUser | null> {
  const [user] = await db
    .select()
    .from(endUsers)
    .where(
      and(
        eq(endUsers.projectId, scope.projectId),
        sql`lower(${endUsers.email}) = lower(${scope.email})`,
      ),
    );
  return user ?? null;
}

export async function findEndUserById(
  db: Executor,
  scope: { projectId: string; endUserId: string },
): Promise<EndUser | null> {
  const [user] = await db
    .select()
    .from(endUsers)
    .where(and(eq(endUsers.projectId, scope.projectId), eq(endUsers.id, scope.endUserId)));
  return user ?? null;
}

/** An end user as the dashboard lists them: the password hash is never even selected. */
export type EndUserListing = Pick<EndUser, "id" | "email" | "username" | "name" | "createdAt">;

/** One page of a project's end users, newest first; callers check the owner first. */
export async function listEndUsersNewestFirst(
  db: Executor,
  scope: { projectId: string; limit: number; offset: number },
): Promise<EndUserListing[]> {
  return db
    .select({
      id: endUsers.id,
      email: endUsers.email,
      username: endUsers.username,
      name: endUsers.name,
      createdAt: endUsers.createdAt,
    })
    .from(endUsers)
    .where(eq(endUsers.projectId, scope.projectId))
    .orderBy(sql`${endUsers.createdAt} desc`, sql`${endUsers.id} asc`)
    .limit(scope.limit)
    .offset(scope.offset);
}

export async function countEndUsers(db: Executor, projectId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(endUsers)
    .where(eq(endUsers.projectId, projectId));
  return row?.total ?? 0;
}
