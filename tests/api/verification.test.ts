import { AuthError } from "@urbackend/sdk";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { generateKey, hashKey } from "@/lib/keys/key-format";
import type { CreatedProject } from "@/lib/projects/create-project";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { sdkClient, sdkError } from "./support/sdk";
import { connectTestDb, removeProjects, replaceCurrentKey, seedProject } from "./support/seed";

const connection = connectTestDb();
const { db } = connection;
let app: AppServer;
let seeded: CreatedProject;
const extraProjects: CreatedProject[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `GET /api/keys/self`, which the SDK has no method for. */
async function self(key: string | null, query = "", headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/api/keys/self${query}`, {
    headers: { ...(key === null ? {} : { "x-api-key": key }), ...headers },
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function projectWithGraceKey(expiresInMs: number) {
  const project = await seedProject(db, { collections: ["posts"] });
  extraProjects.push(project);
  const expiresAt = new Date(Date.now() + expiresInMs);
  const replaced = await replaceCurrentKey(db, {
    projectId: project.project.id,
    type: "publishable",
    oldKeyExpiresAt: expiresAt,
  });
  return { project, oldKey: project.keys.publishable, expiresAt, ...replaced };
}

beforeAll(async () => {
  seeded = await seedProject(db, { collections: ["posts"] });
  app = await startAppServer({ port: 3113 });
});

afterAll(async () => {
  await app?.stop();
  await removeProjects(db, [seeded, ...extraProjects]);
  await connection.sql.end();
});

describe("GET /api/keys/self", () => {
  it("tells which project, key type, status and expiry the caller holds", async () => {
    const publishable = await self(seeded.keys.publishable);
    expect(publishable.status).toBe(200);
    expect(publishable.body.data).toEqual({
      projectId: seeded.project.id,
      projectName: seeded.project.name,
      keyType: "publishable",
      maskedKey: `pk_live_…${seeded.keys.publishable.slice(-4)}`,
      status: "current",
      expiresAt: null,
    });
    expect(publishable.headers.get("deprecation")).toBeNull();

    const secret = await self(seeded.keys.secret);
    expect(secret.body.data).toMatchObject({ keyType: "secret", status: "current" });
  });
});

describe("rejections", () => {
  it("names a missing key", async () => {
    const { status, body } = await self(null);
    expect(status).toBe(401);
    expect(body).toMatchObject({ success: false, data: { reason: "missing" } });
    expect(body.message).toMatch(/x-api-key/);
  });

  it("names a malformed key, including one whose checksum does not match", async () => {
    const valid = generateKey("publishable");
    const badChecksum = `${valid.slice(0, -1)}${valid.endsWith("0") ? "1" : "0"}`;
    for (const key of ["pk_live_short", "not a key", badChecksum, `${valid}x`]) {
      const { status, body } = await self(key);
      expect(status).toBe(401);
      expect(body.data.reason).toBe("malformed");
    }
    const viaSdk = await sdkError(sdkClient(app.url, badChecksum).db.count("posts"));
    expect(viaSdk).toBeInstanceOf(AuthError);
    expect(viaSdk.statusCode).toBe(401);
  });

  it("names an unknown key", async () => {
    const { status, body } = await self(generateKey("secret"));
    expect(status).toBe(401);
    expect(body.data.reason).toBe("unknown");
  });

  it("names an expired key and says when it expired", async () => {
    const { oldKey, expiresAt } = await projectWithGraceKey(-60_000);
    const { status, body } = await self(oldKey);
    expect(status).toBe(401);
    expect(body.data).toEqual({ reason: "expired", at: expiresAt.toISOString() });
    expect(body.message).toContain(expiresAt.toISOString());

    const viaSdk = await sdkError(sdkClient(app.url, oldKey).db.count("posts"));
    expect(viaSdk.statusCode).toBe(401);
    expect(viaSdk.message).toContain("expired");
  });

  it("names a revoked key", async () => {
    const { oldKey, oldKeyId } = await projectWithGraceKey(60 * 60 * 1000);
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, oldKeyId));
    const { status, body } = await self(oldKey);
    expect(status).toBe(401);
    expect(body.data.reason).toBe("revoked");
  });

  it("refuses a key in the query string and says to use the header", async () => {
    for (const name of ["key", "apiKey", "api_key", "x-api-key"]) {
      const query = `?${name}=${encodeURIComponent(seeded.keys.publishable)}`;
      const { status, body } = await self(seeded.keys.publishable, query);
      expect(status).toBe(401);
      expect(body.data.reason).toBe("key_in_url");
      expect(body.message).toMatch(/x-api-key header/);
    }
  });

  it("treats the key of a deleted project as unknown", async () => {
    const doomed = await seedProject(db);
    await removeProjects(db, [doomed]);
    const { status, body } = await self(doomed.keys.secret);
    expect(status).toBe(401);
    expect(body.data.reason).toBe("unknown");
  });
});

describe("keys in grace", () => {
  it("carry Deprecation and Sunset headers and report their status", async () => {
    const { oldKey, expiresAt, oldKeyId } = await projectWithGraceKey(60 * 60 * 1000);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, oldKeyId));
    const deprecatedAt = row?.deprecatedAt as Date;

    const { status, headers, body } = await self(oldKey);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ status: "grace", expiresAt: expiresAt.toISOString() });
    expect(headers.get("deprecation")).toBe(`@${Math.floor(deprecatedAt.getTime() / 1000)}`);
    expect(headers.get("sunset")).toBe(expiresAt.toUTCString());

    const documents = await fetch(`${app.url}/api/data/posts`, {
      headers: { "x-api-key": oldKey },
    });
    expect(documents.status).toBe(200);
    expect(documents.headers.get("sunset")).toBe(expiresAt.toUTCString());
  });

  it("work one second before expiry and are refused one second after, cache warm", async () => {
    const { oldKey, expiresAt } = await projectWithGraceKey(2500);
    expect((await self(oldKey)).status).toBe(200);

    await sleep(expiresAt.getTime() - 1000 - Date.now());
    const before = await self(oldKey);
    expect(before.status).toBe(200);
    expect(before.body.data.status).toBe("grace");

    await sleep(expiresAt.getTime() + 1000 - Date.now());
    const after = await self(oldKey);
    expect(after.status).toBe(401);
    expect(after.body.data).toEqual({ reason: "expired", at: expiresAt.toISOString() });
  });

  it("leave the new key and the other type untouched", async () => {
    const { newKey, project } = await projectWithGraceKey(60 * 60 * 1000);
    expect((await self(newKey)).body.data).toMatchObject({ status: "current", expiresAt: null });
    expect((await self(project.keys.secret)).body.data).toMatchObject({ status: "current" });
  });
});

describe("request logs", () => {
  it("log one line per request with its id, status and duration, never a key or hash", async () => {
    const requestId = `test-${crypto.randomUUID()}`;
    const { status } = await self(seeded.keys.secret, "", { "x-request-id": requestId });
    expect(status).toBe(200);

    const line = await app.waitForLog(
      (l) => l.includes('"module":"public-api"') && l.includes(requestId),
    );
    expect(JSON.parse(line)).toMatchObject({
      requestId,
      method: "GET",
      path: "/api/keys/self",
      status: 200,
      projectId: seeded.project.id,
      durationMs: expect.any(Number),
    });

    await self(seeded.keys.publishable, `?apiKey=${seeded.keys.publishable}`);
    const logs = app.logs().join("\n");
    for (const key of [seeded.keys.secret, seeded.keys.publishable]) {
      expect(logs).not.toContain(key);
      expect(logs).not.toContain(hashKey(key));
    }
  });
});

describe("browsers on other origins", () => {
  it("get a preflight answer without a key, and CORS headers on every answer", async () => {
    const origin = "https://app.example.test";
    const preflight = await fetch(`${app.url}/api/data/posts`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-api-key, content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-api-key");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PATCH");

    const refused = await self(null, "", { origin });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe(origin);
    const served = await self(seeded.keys.publishable, "", { origin });
    expect(served.headers.get("access-control-allow-origin")).toBe(origin);
    expect(served.headers.get("access-control-expose-headers")).toContain("Sunset");
  });
});
