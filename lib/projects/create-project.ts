import { randomBytes } from "node:crypto";
import { insertApiKey } from "@/db/api-keys";
import { insertAuditEvent } from "@/db/audit-events";
import type { Database } from "@/db/client";
import { insertProject, type Project } from "@/db/projects";
import { type Actor, actorColumns } from "@/lib/audit/actor";
import { generateKey, KEY_TYPES, type KeyType, storedKeyColumns } from "@/lib/keys/key-format";
import { logger } from "@/lib/logger";
import { type CreateProjectInput, createProjectSchema } from "./project-name.schema";

export type CreatedProject = {
  project: Project;
  /** The full keys, returned to the caller once and stored nowhere. */
  keys: Record<KeyType, string>;
};

/**
 * Creates a project with its JWT secret and one current key of each type, and records it,
 * all in one transaction.
 */
export async function createProject(
  db: Database,
  actor: Extract<Actor, { type: "developer" }>,
  input: CreateProjectInput,
): Promise<CreatedProject> {
  const { name } = createProjectSchema.parse(input);
  const keys = { publishable: generateKey("publishable"), secret: generateKey("secret") };

  const project = await db.transaction(async (tx) => {
    const created = await insertProject(tx, {
      name,
      ownerId: actor.id,
      jwtSecret: randomBytes(48).toString("base64url"),
    });
    await insertAuditEvent(tx, {
      projectId: created.id,
      action: "project.created",
      ...actorColumns(actor),
      metadata: { name },
    });

    for (const type of KEY_TYPES) {
      const key = await insertApiKey(tx, {
        projectId: created.id,
        ...storedKeyColumns(keys[type]),
        createdBy: actor.id,
      });
      await insertAuditEvent(tx, {
        projectId: created.id,
        action: "api_key.created",
        ...actorColumns(actor),
        keyId: key.id,
        keyType: type,
        keyPrefix: key.prefix,
        keyLastFour: key.lastFour,
      });
    }
    return created;
  });

  logger.info({ module: "projects", projectId: project.id, ownerId: actor.id }, "project created");
  return { project, keys };
}
