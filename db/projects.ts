import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "./client";
import { projects } from "./schema";

export type Project = typeof projects.$inferSelect;

export async function insertProject(
  db: Executor,
  values: { name: string; ownerId: string; jwtSecret: string },
): Promise<Project> {
  const [project] = await db.insert(projects).values(values).returning();
  if (!project) throw new Error("insert into projects returned no row");
  return project;
}

/** A project only if `ownerId` owns it; callers turn null into a 404. */
export async function findProjectForOwner(
  db: Executor,
  scope: { projectId: string; ownerId: string },
): Promise<Project | null> {
  const [project] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, scope.projectId), eq(projects.ownerId, scope.ownerId)));
  return project ?? null;
}

/** Locks the owner's project row for the rest of the transaction (rotations serialise here). */
export async function lockProjectForOwner(
  tx: Executor,
  scope: { projectId: string; ownerId: string },
): Promise<Project | null> {
  const [project] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, scope.projectId), eq(projects.ownerId, scope.ownerId)))
    .for("update");
  return project ?? null;
}

export async function listProjectsForOwner(db: Executor, ownerId: string): Promise<Project[]> {
  return db
    .select()
    .from(projects)
    .where(eq(projects.ownerId, ownerId))
    .orderBy(desc(projects.createdAt));
}

/** For the system (worker, public API) which acts on a project without a developer. */
export async function findProjectById(db: Executor, projectId: string): Promise<Project | null> {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  return project ?? null;
}
