import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCollectionsForProject } from "@/db/collections";
import { CollectionExistsError, createCollection, resolveCollection } from "@/lib/data/collections";
import { insertOne } from "@/lib/data/documents";
import type { CreatedProject } from "@/lib/projects/create-project";
import { ApiError } from "@/lib/public-api/api-error";
import { connectTestDb, removeProjects, rowCounts, seedProject } from "./support/seed";

// What the "New collection" action calls once it has checked the developer owns the project.
const connection = connectTestDb();
const { db } = connection;
let seeded: CreatedProject;
let other: CreatedProject;

beforeAll(async () => {
  [seeded, other] = await Promise.all([seedProject(db), seedProject(db)]);
});

afterAll(async () => {
  await removeProjects(db, [seeded, other]);
  await connection.sql.end();
});

describe("createCollection", () => {
  it("creates a collection the public API then resolves", async () => {
    const projectId = seeded.project.id;
    const created = await createCollection(db, { projectId, name: "orders" });
    expect(created).toMatchObject({ projectId, name: "orders" });

    const scope = await resolveCollection(db, projectId, "orders");
    await insertOne(db, scope, { total: 5 });
    const [summary] = await listCollectionsForProject(db, projectId);
    expect(summary).toMatchObject({ name: "orders", documentCount: 1 });
  });

  it("refuses a second collection of the same name, changing nothing", async () => {
    const projectId = seeded.project.id;
    await createCollection(db, { projectId, name: "invoices" });
    const before = await rowCounts(db, projectId);

    await expect(createCollection(db, { projectId, name: "invoices" })).rejects.toBeInstanceOf(
      CollectionExistsError,
    );
    expect(await rowCounts(db, projectId)).toEqual(before);
  });

  it("lets another project use the same name, and keeps each to its own", async () => {
    await createCollection(db, { projectId: other.project.id, name: "orders" });
    const mine = await listCollectionsForProject(db, seeded.project.id);
    const theirs = await listCollectionsForProject(db, other.project.id);
    expect(theirs).toEqual([expect.objectContaining({ name: "orders", documentCount: 0 })]);
    expect(mine.find((c) => c.name === "orders")?.documentCount).toBe(1);
  });

  it("answers 404 for a name that is not one of the project's collections", async () => {
    for (const name of ["missing", "../orders", "x".repeat(65)]) {
      const error = await resolveCollection(db, seeded.project.id, name).catch((e) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(404);
    }
  });
});
