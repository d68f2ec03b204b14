import { AuthError, NotFoundError, ValidationError } from "@urbackend/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedProject } from "@/lib/projects/create-project";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { sdkClient, sdkError } from "./support/sdk";
import { connectTestDb, removeProjects, rowCounts, seedProject } from "./support/seed";

type Post = { _id: string; title: string; price?: number; tags?: string[]; createdAt: string };

const connection = connectTestDb();
const { db } = connection;
let app: AppServer;
let seeded: CreatedProject;
let other: CreatedProject;

const secret = () => sdkClient(app.url, seeded.keys.secret);
const publishable = () => sdkClient(app.url, seeded.keys.publishable);
const counts = () => rowCounts(db, seeded.project.id);

function rawPost(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    body,
    headers: { "x-api-key": seeded.keys.secret, "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);
}

beforeAll(async () => {
  [seeded, other] = await Promise.all([
    seedProject(db, { collections: ["posts", "empty"] }),
    seedProject(db, { collections: ["posts"] }),
  ]);
  app = await startAppServer({ port: 3111 });
});

afterAll(async () => {
  await app?.stop();
  await removeProjects(db, [seeded, other]);
  await connection.sql.end();
});

describe("documents through the published SDK", () => {
  it("round-trips insert, getOne, update, patch and delete", async () => {
    const client = secret();
    const created = await client.db.insert<Post>("posts", { title: "Hello", price: 10 });
    expect(created._id).toMatch(/^[0-9a-f]{24}$/);
    expect(created).toMatchObject({ title: "Hello", price: 10 });

    const fetched = await publishable().db.getOne<Post>("posts", created._id);
    expect(fetched).toEqual(created);

    const replaced = await client.db.update<Post>("posts", created._id, { title: "Replaced" });
    expect(replaced).toMatchObject({ _id: created._id, title: "Replaced" });
    expect(replaced.price).toBeUndefined();
    expect(replaced.createdAt).toBe(created.createdAt);

    const patched = await client.db.patch<Post>("posts", created._id, { price: 12 });
    expect(patched).toMatchObject({ _id: created._id, title: "Replaced", price: 12 });

    await expect(client.db.delete("posts", created._id)).resolves.toEqual({ deleted: true });
    expect(await sdkError(client.db.getOne("posts", created._id))).toBeInstanceOf(NotFoundError);
  });

  it("keeps a client-chosen _id and refuses a second document with it", async () => {
    const client = secret();
    const doc = await client.db.insert<Post>("posts", { _id: "post-chosen-1", title: "Mine" });
    expect(doc._id).toBe("post-chosen-1");

    const before = await counts();
    const error = await sdkError(client.db.insert("posts", { _id: "post-chosen-1", title: "2" }));
    expect(error.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it("keeps each project's documents to itself", async () => {
    const mine = await secret().db.insert<Post>("posts", { title: "private" });
    const theirs = sdkClient(app.url, other.keys.secret);
    expect(await sdkError(theirs.db.getOne("posts", mine._id))).toBeInstanceOf(NotFoundError);
    expect(await sdkError(theirs.db.delete("posts", mine._id))).toBeInstanceOf(NotFoundError);
    await expect(publishable().db.getOne("posts", mine._id)).resolves.toMatchObject({
      title: "private",
    });
  });
});

describe("listing with filters, sort, pages and count", () => {
  beforeAll(async () => {
    const client = secret();
    for (const [index, title] of ["alpha", "bravo", "charlie", "delta", "echo"].entries()) {
      await client.db.insert("empty", {
        title,
        price: (index + 1) * 100,
        tags: ["list"],
        meta: { rank: 5 - index },
        featured: index % 2 === 0,
      });
    }
  });

  it("filters by equality and ranges as the SDK sends them", async () => {
    const client = publishable();
    const cheap = await client.db.getAll<Post>("empty", { filter: { price_lte: 200 } });
    expect(cheap.map((d) => d.title).sort()).toEqual(["alpha", "bravo"]);

    const band = await client.db.getAll<Post>("empty", {
      filter: { price_gt: 100, price_lt: 500 },
      sort: "price:asc",
    });
    expect(band.map((d) => d.title)).toEqual(["bravo", "charlie", "delta"]);

    const exact = await client.db.getAll<Post>("empty", { filter: { title: "delta" } });
    expect(exact.map((d) => d.price)).toEqual([400]);

    const flagged = await client.db.getAll<Post>("empty", { filter: { featured: true } });
    expect(flagged).toHaveLength(3);

    const nested = await client.db.getAll<Post>("empty", { filter: { "meta.rank_gte": 4 } });
    expect(nested.map((d) => d.title).sort()).toEqual(["alpha", "bravo"]);

    const strings = await client.db.getAll<Post>("empty", { filter: { title_gt: "c" } });
    expect(strings.map((d) => d.title).sort()).toEqual(["charlie", "delta", "echo"]);
  });

  it("sorts and pages", async () => {
    const client = publishable();
    const page1 = await client.db.getAll<Post>("empty", { sort: "price:desc", limit: 2, page: 1 });
    const page2 = await client.db.getAll<Post>("empty", { sort: "price:desc", limit: 2, page: 2 });
    const page3 = await client.db.getAll<Post>("empty", { sort: "price:desc", limit: 2, page: 3 });
    expect([...page1, ...page2, ...page3].map((d) => d.title)).toEqual([
      "echo",
      "delta",
      "charlie",
      "bravo",
      "alpha",
    ]);

    const byRank = await client.db.getAll<Post>("empty", { sort: "-meta.rank", limit: 1 });
    expect(byRank.map((d) => d.title)).toEqual(["alpha"]);
  });

  it("counts with the same filters", async () => {
    const client = publishable();
    await expect(client.db.count("empty")).resolves.toBe(5);
    await expect(client.db.count("empty", { filter: { price_gte: 300 } })).resolves.toBe(3);
  });

  it("reports the total and page alongside the items", async () => {
    const response = await fetch(`${app.url}/api/data/empty?limit=2&page=2&sort=price`, {
      headers: { "x-api-key": seeded.keys.publishable },
    });
    const body = await response.json();
    expect(body).toMatchObject({ success: true, data: { total: 5, page: 2, limit: 2 } });
    expect(body.data.items.map((d: Post) => d.title)).toEqual(["charlie", "delta"]);
  });

  it("refuses a filter or sort it cannot parse with 400", async () => {
    const client = publishable();
    const badSort = await sdkError(client.db.getAll("empty", { sort: "price:sideways" }));
    expect(badSort).toBeInstanceOf(ValidationError);
    expect(badSort.message).toMatch(/sort/);

    const badField = await sdkError(client.db.getAll("empty", { filter: { "bad field": 1 } }));
    expect(badField).toBeInstanceOf(ValidationError);

    const badDate = await sdkError(client.db.count("empty", { filter: { createdAt_gt: "soon" } }));
    expect(badDate).toBeInstanceOf(ValidationError);

    const badPage = await sdkError(client.db.getAll("empty", { page: 0 }));
    expect(badPage).toBeInstanceOf(ValidationError);
  });
});

describe("bad input changes nothing", () => {
  it("answers an unknown collection with 404", async () => {
    const before = await counts();
    const client = secret();
    expect(await sdkError(client.db.insert("nope", { a: 1 }))).toBeInstanceOf(NotFoundError);
    expect(await sdkError(client.db.count("nope"))).toBeInstanceOf(NotFoundError);
    expect(await sdkError(client.db.getOne("nope", "x"))).toBeInstanceOf(NotFoundError);
    // The SDK turns a 404 on a list into an empty array.
    await expect(client.db.getAll("nope")).resolves.toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("answers a missing _id with 404 on every single-document route", async () => {
    const before = await counts();
    const client = secret();
    const calls = [
      () => client.db.getOne("posts", "does-not-exist"),
      () => client.db.update("posts", "does-not-exist", { a: 1 }),
      () => client.db.patch("posts", "does-not-exist", { a: 1 }),
      () => client.db.delete("posts", "does-not-exist"),
    ];
    for (const call of calls) {
      expect(await sdkError(call())).toBeInstanceOf(NotFoundError);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a body that is not a JSON object with 400", async () => {
    const existing = await secret().db.insert<Post>("posts", { title: "stable" });
    const before = await counts();

    const client = secret();
    const asArray = [1, 2] as unknown as Record<string, unknown>;
    expect(await sdkError(client.db.insert("posts", asArray))).toBeInstanceOf(ValidationError);
    expect(await sdkError(client.db.update("posts", existing._id, asArray))).toBeInstanceOf(
      ValidationError,
    );
    const wrongId = await sdkError(client.db.patch("posts", existing._id, { _id: "other" }));
    expect(wrongId).toBeInstanceOf(ValidationError);

    const deep = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    for (const body of ["{not json", "null", '"text"', "", deep]) {
      const response = await rawPost("/api/data/posts", body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ success: false });
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a body over 1 MiB with 413, by its declared size and by what arrives", async () => {
    const before = await counts();
    const big = "x".repeat(1024 * 1024 + 16);

    const declared = await sdkError(secret().db.insert("posts", { big }));
    expect(declared.statusCode).toBe(413);

    const bytes = new TextEncoder().encode(JSON.stringify({ big }));
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024)
          controller.enqueue(bytes.slice(i, i + 65536));
        controller.close();
      },
    });
    // A streamed body goes out chunked, with no Content-Length for the server to trust.
    const response = await rawPost("/api/data/posts", chunked);
    expect(response.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("refuses writes with the publishable key (403) and lets it read", async () => {
    const before = await counts();
    const error = await sdkError(publishable().db.insert("posts", { title: "nope" }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.statusCode).toBe(403);
    expect(error.message).toMatch(/secret key/);
    expect(await counts()).toEqual(before);
  });
});
