"use server";

import { headers } from "next/headers";
import { type FormState, fieldErrorsOf, textFields } from "@/components/ui/form-state";
import { getDb } from "@/db/client";
import { requireDeveloper } from "@/lib/auth/session";
import { reportUnexpected } from "@/lib/http/unexpected-error";
import type { KeyType } from "@/lib/keys/key-format";
import { logger } from "@/lib/logger";
import { createProject } from "@/lib/projects/create-project";
import { CREATE_PROJECT_FIELDS, createProjectSchema } from "@/lib/projects/project-name.schema";
import { developerActor } from "@/lib/rotation/request-actor";

const log = logger.child({ module: "projects" });

/**
 * Either the form (again, with its errors) or the new project with its keys. The keys travel
 * once, in this action's response, and live only in the browser tab's memory after that.
 */
export type CreateProjectState =
  | ({ status: "editing" } & FormState<"name">)
  | { status: "created"; project: { id: string; name: string }; keys: Record<KeyType, string> };

export async function createProjectAction(
  _previous: CreateProjectState,
  formData: FormData,
): Promise<CreateProjectState> {
  const session = await requireDeveloper("/projects/new");
  const input = textFields(formData, CREATE_PROJECT_FIELDS);
  const values = { name: input.name };

  const parsed = createProjectSchema.safeParse(input);
  if (!parsed.success) {
    return { status: "editing", fieldErrors: fieldErrorsOf(parsed.error), formError: null, values };
  }

  try {
    const actor = developerActor(session.developer, await headers());
    const { project, keys } = await createProject(getDb(), actor, parsed.data);
    return { status: "created", project: { id: project.id, name: project.name }, keys };
  } catch (error) {
    const formError = await reportUnexpected(log, error, "create-project");
    return { status: "editing", fieldErrors: {}, formError, values };
  }
}
