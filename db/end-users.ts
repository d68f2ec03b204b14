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
