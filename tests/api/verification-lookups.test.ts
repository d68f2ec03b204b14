import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { generateKey } from "@/lib/keys/key-format";
import type { CreatedProject } from "@/lib/projects/create-project";
import { KeyCache } from "@/lib/verification/key-cache";
import { type VerifyDependencies, verifyApiKey } from "@/lib/verification/verify-api-key";
import {
  connectTestDb,
  keyIdOf,
  removeProjects,
  replaceCurrentKey,
  seedProject,
} from "./support/seed";

// Verification in-process, on a connection that records every statement it sends: the
// point is to see which requests reach Postgres at all.
const queries: string[] = [];
const counted = postgres(process.env.DATABASE_URL as string, {
  max: 2,
  onnotice: () => {},
  debug: (_connection, query) => queries.push(query),
});
const seeding = connectTestDb();
let seeded: CreatedProject;
let deps: VerifyDependencies;
let clock: number;

const request = (key: string | null, query = "") => ({
  headers: new Headers(key ? { "x-api-key": key } : {}),
  url: new URL(`http://localhost/api/keys/self${query}`),
});

beforeAll(async () => {
  seeded = await seedProject(seeding.db);
  // Connecting sends statements of its own (type lookups): get them out of the way.
  await Promise.all([counted`select 1`, counted`select 1`]);
});

beforeEach(() => {
  queries.length = 0;
  clock = Date.now();
  deps = { db: drizzle(counted, { schema }), cache: new KeyCache(), now: () => clock };
});

afterAll(async () => {
  await removeProjects(seeding.db, [seeded]);
  await Promise.all([counted.end(), seeding.sql.end()]);
});

describe("verifyApiKey lookups", () => {
  it("rejects missing, malformed and URL keys without any lookup", async () => {
    const valid = generateKey("secret");
    const cases = [
      [request(null), "missing"],
      [request("sk_live_nope"), "malformed"],
      [request(`${valid.slice(0, -1)}${valid.endsWith("A") ? "B" : "A"}`), "malformed"],
      [request(seeded.keys.secret, `?api_key=${seeded.keys.secret}`), "key_in_url"],
    ] as const;
    for (const [input, reason] of cases) {
      const result = await verifyApiKey(input, "any", deps);
      expect(result).toMatchObject({ ok: false, rejection: { reason } });
    }
    expect(queries).toEqual([]);
  });

  it("reads Postgres once, then answers from the cache", async () => {
    const first = await verifyApiKey(request(seeded.keys.publishable), "any", deps);
    expect(first).toMatchObject({ ok: true, key: { type: "publishable", status: "current" } });
    expect(queries).toHaveLength(1);

    queries.length = 0;
    for (let i = 0; i < 20; i++) {
      expect((await verifyApiKey(request(seeded.keys.publishable), "any", deps)).ok).toBe(true);
    }
    expect(queries).toHaveLength(0);
  });

  it("shares one lookup between concurrent first requests", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => verifyApiKey(request(seeded.keys.secret), "secret", deps)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(queries).toHaveLength(1);
  });

  it("looks a key up again once it is invalidated", async () => {
    await verifyApiKey(request(seeded.keys.secret), "any", deps);
    deps.cache.dropKey(await keyIdOf(seeding.db, seeded.keys.secret));
    queries.length = 0;

    await verifyApiKey(request(seeded.keys.secret), "any", deps);
    expect(queries).toHaveLength(1);
  });

  it("does not cache unknown keys, so a new key works at once", async () => {
    const unknown = generateKey("publishable");
    await verifyApiKey(request(unknown), "any", deps);
    await verifyApiKey(request(unknown), "any", deps);
    expect(queries).toHaveLength(2);
  });

  it("judges expiry by the clock even on a cache hit", async () => {
    const project = await seedProject(seeding.db);
    const expiresAt = new Date(clock + 60_000);
    await replaceCurrentKey(seeding.db, {
      projectId: project.project.id,
      type: "publishable",
      oldKeyExpiresAt: expiresAt,
    });
    const key = project.keys.publishable;
    try {
      const live = await verifyApiKey(request(key), "any", deps);
      expect(live).toMatchObject({ ok: true, key: { status: "grace" } });

      queries.length = 0;
      clock = expiresAt.getTime();
      const dead = await verifyApiKey(request(key), "any", deps);
      expect(dead).toMatchObject({ ok: false, rejection: { reason: "expired", status: 401 } });
      expect(queries).toHaveLength(0);
    } finally {
      await removeProjects(seeding.db, [project]);
    }
  });

  it("refuses the publishable key where a secret key is needed", async () => {
    const result = await verifyApiKey(request(seeded.keys.publishable), "secret", deps);
    expect(result).toMatchObject({
      ok: false,
      rejection: { status: 403, reason: "secret_key_required" },
    });
  });
});
