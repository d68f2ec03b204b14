import { randomBytes } from "node:crypto";
import { insertApiKey } from "@/db/api-keys";
import { insertAuditEvent } from "@/db/audit-events";
import type { Database } from "@/db/client";
import { insertProject, type Project } from "@/db/projects";
import { type Actor, actorColumns } from "@/lib/audit/actor";
import { generateKey, hashKey, KEY_TYPES, type KeyType, parseKey } from "@/lib/keys/key-format";
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
      const parsed = parseKey(keys[type]);
      if (!parsed) throw new Error("generated key failed its own format check");

      const key = await insertApiKey(tx, {
        projectId: created.id,
        type,
        hash: hashKey(keys[type]),
        prefix: parsed.prefix,
        lastFour: parsed.lastFour,
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
