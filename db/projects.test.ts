import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { generateKey, hashKey, KEY_PREFIXES, parseKey } from "@/lib/keys/key-format";
import { createProject } from "@/lib/projects/create-project";
import { insertApiKey, listCurrentKeysForProject, listKeysForProject } from "./api-keys";
import { closeDb, getDb } from "./client";
import { findProjectForOwner, listProjectsForOwner, lockProjectForOwner } from "./projects";
import { apiKeys, auditEvents, projects, user } from "./schema";

type DeveloperActor = Extract<Actor, { type: "developer" }>;

const createdDevelopers: string[] = [];

/** A developer row written straight into better-auth's user table. */
async function insertDeveloper(): Promise<DeveloperActor> {
  const id = randomUUID();
  const email = `repo-${id}@example.test`;
  await getDb().insert(user).values({ id, email, name: "repo test" });
  createdDevelopers.push(id);
  return { type: "developer", id, email, ipAddress: "127.0.0.1", userAgent: "vitest" };
}

/** The Postgres error under Drizzle's wrapper, so tests can read its code and constraint. */
async function databaseErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason as { cause?: unknown },
  );
  expect(error, "the statement should have failed").not.toBeNull();
  return (error?.cause ?? error) as { code?: string; constraint_name?: string };
}

afterAll(async () => {
  // Keys go with their projects (cascade); audit events are append-only and stay.
  if (createdDevelopers.length > 0) {
    await getDb().delete(projects).where(inArray(projects.ownerId, createdDevelopers));
    await getDb().delete(user).where(inArray(user.id, createdDevelopers));
  }
  await closeDb();
});

describe("createProject", () => {
  it("creates two current keys and stores the secret key only as a hash", async () => {
    const owner = await insertDeveloper();
    const { project, keys } = await createProject(getDb(), owner, { name: "Key store" });

    const rows = await listKeysForProject(getDb(), project.id);
    expect(rows.map((row) => row.type).sort()).toEqual(["publishable", "secret"]);
    expect(await listCurrentKeysForProject(getDb(), project.id)).toHaveLength(2);

    for (const row of rows) {
      const key = keys[row.type];
      expect(parseKey(key)?.type).toBe(row.type);
      expect(row.hash).toBe(hashKey(key));
      expect(row.prefix).toBe(KEY_PREFIXES[row.type]);
      expect(key.startsWith(row.prefix)).toBe(true);
      expect(row.lastFour).toBe(key.slice(-4));
      expect(row).toMatchObject({ expiresAt: null, revokedAt: null, createdBy: owner.id });
    }

    const events = await getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.projectId, project.id));
    const stored = JSON.stringify({ rows, project, events });
    expect(stored).not.toContain(keys.secret);

    // The publishable key is public by design: kept in its own column and nowhere else.
    const publishable = rows.find((row) => row.type === "publishable");
    expect(publishable?.publicValue).toBe(keys.publishable);
    const elsewhere = JSON.stringify({
      rows: rows.map((r) => ({ ...r, publicValue: null })),
      project,
      events,
    });
    expect(elsewhere).not.toContain(keys.publishable);
  });

  it("refuses a blank name and creates nothing", async () => {
    const owner = await insertDeveloper();

    await expect(createProject(getDb(), owner, { name: "   " })).rejects.toThrow(
      "Enter a project name.",
    );
    expect(await listProjectsForOwner(getDb(), owner.id)).toEqual([]);
  });

  it("stores the name trimmed", async () => {
    const owner = await insertDeveloper();
    const { project } = await createProject(getDb(), owner, { name: "  Padded  " });
    expect(project.name).toBe("Padded");
  });
});

describe("one current key per type", () => {
  it("is enforced by the database, and only for keys that are still current", async () => {
    const owner = await insertDeveloper();
    const { project, keys } = await createProject(getDb(), owner, { name: "Unique keys" });
    const second = generateKey("secret");
    const secondKey = {
      projectId: project.id,
      type: "secret" as const,
      hash: hashKey(second),
      prefix: KEY_PREFIXES.secret,
      lastFour: second.slice(-4),
      createdBy: owner.id,
    };

    const refused = await databaseErrorOf(insertApiKey(getDb(), secondKey));
    expect(refused).toMatchObject({
      code: "23505",
      constraint_name: "api_keys_one_current_per_type_idx",
    });

    // Once the first secret key is in a grace period, a new current one is allowed.
    await getDb()
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() + 60 * 60 * 1000) })
      .where(eq(apiKeys.hash, hashKey(keys.secret)));
    const accepted = await insertApiKey(getDb(), secondKey);

    const current = await listCurrentKeysForProject(getDb(), project.id);
    expect(current.map((key) => key.id)).toContain(accepted.id);
    expect(current.filter((key) => key.type === "secret")).toHaveLength(1);
  });
});

describe("owner scoping", () => {
  it("finds and locks a project for its owner only", async () => {
    const [alice, bob] = await Promise.all([insertDeveloper(), insertDeveloper()]);
    const { project } = await createProject(getDb(), alice, { name: "Alice's" });
    const asAlice = { projectId: project.id, ownerId: alice.id };
    const asBob = { projectId: project.id, ownerId: bob.id };

    expect((await findProjectForOwner(getDb(), asAlice))?.id).toBe(project.id);
    expect(await findProjectForOwner(getDb(), asBob)).toBeNull();

    await getDb().transaction(async (tx) => {
      expect(await lockProjectForOwner(tx, asBob)).toBeNull();
      expect((await lockProjectForOwner(tx, asAlice))?.id).toBe(project.id);
    });
  });

  it("lists a developer's own projects only, newest first", async () => {
    const [alice, bob] = await Promise.all([insertDeveloper(), insertDeveloper()]);
    await createProject(getDb(), alice, { name: "First" });
    await createProject(getDb(), bob, { name: "Bob's" });
    await createProject(getDb(), alice, { name: "Second" });

    const names = async (ownerId: string) =>
      (await listProjectsForOwner(getDb(), ownerId)).map((project) => project.name);
    expect(await names(alice.id)).toEqual(["Second", "First"]);
    expect(await names(bob.id)).toEqual(["Bob's"]);
  });
});
