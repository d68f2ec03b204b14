import type { Database } from "@/db/client";
import { createProject } from "@/lib/projects/create-project";
import type { DeveloperActor } from "@/lib/rotation/request-actor";
import { seedDeveloper } from "@/tests/api/support/seed";

export type OwnedProject = {
  actor: DeveloperActor;
  projectId: string;
  keys: { publishable: string; secret: string };
};

/** A developer and a project with its two keys, made by the app's own functions. */
export async function ownedProject(db: Database, name: string): Promise<OwnedProject> {
  const developer = await seedDeveloper(db);
  const actor: DeveloperActor = { ...developer, userAgent: "rekey-bench" };
  const { project, keys } = await createProject(db, actor, { name });
  return { actor, projectId: project.id, keys };
}
