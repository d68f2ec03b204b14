import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findProjectForOwner, type Project } from "@/db/projects";
import { type DeveloperSession, requireDeveloper } from "@/lib/auth/session";

export const projectIdSchema = z.uuid();

export type OwnedProject = { session: DeveloperSession; project: Project };

/**
 * For pages and actions under /projects/[projectId]: the signed-in developer and their
 * project. Anyone else's project, an id that does not exist and an id that is not even a
 * UUID all get the same 404, so that ids reveal nothing. Cached for the request, so the
 * layout and the page share one query.
 */
export const requireOwnedProject = cache(async (projectId: string): Promise<OwnedProject> => {
  const session = await requireDeveloper();

  const parsed = projectIdSchema.safeParse(projectId);
  if (!parsed.success) notFound();

  const project = await findProjectForOwner(getDb(), {
    projectId: parsed.data,
    ownerId: session.developer.id,
  });
  if (!project) notFound();
  return { session, project };
});
