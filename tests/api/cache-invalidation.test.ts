import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import type { CreatedProject } from "@/lib/projects/create-project";
import { closeRedis } from "@/lib/redis";
import { MAX_CACHE_TTL_MS } from "@/lib/verification/cache-expiry";
import { publishKeyInvalidation } from "@/lib/verification/publish-invalidation";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { sdkClient } from "./support/sdk";
import { connectTestDb, keyIdOf, removeProjects, seedProject } from "./support/seed";

const connection = connectTestDb();
const { db } = connection;
const seededProjects: CreatedProject[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function selfStatus(app: AppServer, key: string): Promise<number> {
  const response = await fetch(`${app.url}/api/keys/self`, { headers: { "x-api-key": key } });
  await response.body?.cancel();
  return response.status;
}

/** Milliseconds until `app` refuses `key`, polling every 25 ms up to `limitMs`. */
async function msUntilRefused(app: AppServer, key: string, since: number, limitMs: number) {
  while (Date.now() - since < limitMs) {
    if ((await selfStatus(app, key)) === 401) return Date.now() - since;
    await sleep(25);
  }
  return Number.POSITIVE_INFINITY;
}

async function seeded(): Promise<CreatedProject> {
  const project = await seedProject(db, { collections: ["posts"] });
  seededProjects.push(project);
  return project;
}

afterAll(async () => {
  await removeProjects(db, seededProjects);
  await closeRedis();
  await connection.sql.end();
});

describe("invalidation over Redis pub/sub, two app instances", () => {
  let first: AppServer;
  let second: AppServer;

  beforeAll(async () => {
    [first, second] = await Promise.all([
      startAppServer({ port: 3114 }),
      startAppServer({ port: 3115 }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it("drops a revoked key on every instance within 1 second", async () => {
    const { keys } = await seeded();
    const keyId = await keyIdOf(db, keys.secret);
    for (const app of [first, second]) {
      expect(await selfStatus(app, keys.secret)).toBe(200);
      await app.waitForLog((line) => line.includes("listening for key invalidations"));
    }

    // Revoked in Postgres only: both instances still answer from their warm caches.
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));
    expect(await selfStatus(first, keys.secret)).toBe(200);
    expect(await selfStatus(second, keys.secret)).toBe(200);

    const published = Date.now();
    expect(await publishKeyInvalidation(keyId)).toBe(true);
    const delays = await Promise.all(
      [first, second].map((app) => msUntilRefused(app, keys.secret, published, 1000)),
    );
    for (const delay of delays) expect(delay).toBeLessThan(1000);
  });

  it("keeps serving keys it was not told about", async () => {
    const { keys } = await seeded();
    expect(await selfStatus(first, keys.publishable)).toBe(200);
    await publishKeyInvalidation(crypto.randomUUID());
    expect(await selfStatus(first, keys.publishable)).toBe(200);
  });
});

describe("with Redis unreachable", () => {
  let app: AppServer;

  beforeAll(async () => {
    // Nothing listens on this port: every Redis command fails.
    app = await startAppServer({ port: 3116, env: { REDIS_URL: "redis://127.0.0.1:6399/4" } });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it("verifies keys from Postgres and serves the API", async () => {
    const { keys } = await seeded();
    expect(await selfStatus(app, keys.publishable)).toBe(200);
    const client = sdkClient(app.url, keys.secret);
    const doc = await client.db.insert<{ _id: string; n: number }>("posts", { n: 1 });
    await expect(client.db.getOne("posts", doc._id)).resolves.toMatchObject({ n: 1 });
  });

  it("lets cache entries die on their own within a few seconds", async () => {
    const { keys } = await seeded();
    const keyId = await keyIdOf(db, keys.publishable);
    expect(await selfStatus(app, keys.publishable)).toBe(200);

    const revoked = Date.now();
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));
    expect(await selfStatus(app, keys.publishable)).toBe(200);
    const delay = await msUntilRefused(app, keys.publishable, revoked, MAX_CACHE_TTL_MS + 1000);
    expect(delay).toBeLessThanOrEqual(MAX_CACHE_TTL_MS + 500);
  });
});
