import { AuthError, RateLimitError, ValidationError } from "@urbackend/sdk";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedProject } from "@/lib/projects/create-project";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { sdkClient, sdkError } from "./support/sdk";
import {
  connectTestDb,
  removeProjects,
  replaceCurrentKey,
  rowCounts,
  seedProject,
} from "./support/seed";

const connection = connectTestDb();
const { db } = connection;
let app: AppServer;
let seeded: CreatedProject;
let other: CreatedProject;

const PASSWORD = "correct horse battery";
const counts = () => rowCounts(db, seeded.project.id);
const client = (key = seeded.keys.publishable) => sdkClient(app.url, key);
const uniqueEmail = (label: string) => `${label}-${crypto.randomUUID()}@example.test`;

beforeAll(async () => {
  [seeded, other] = await Promise.all([seedProject(db), seedProject(db)]);
  app = await startAppServer({ port: 3112 });
});

afterAll(async () => {
  await app?.stop();
  await removeProjects(db, [seeded, other]);
  await connection.sql.end();
});

describe("end-user auth through the published SDK", () => {
  it("signs up, logs in, reads me, refreshes and logs out", async () => {
    const email = uniqueEmail("flow");
    const sdk = client();

    const user = await sdk.auth.signUp({ email, password: PASSWORD, name: "Ada" });
    expect(user).toMatchObject({ email, name: "Ada" });
    expect(user._id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(sdk.auth.me()).resolves.toMatchObject({ _id: user._id, email });

    const session = await sdk.auth.login({ email: email.toUpperCase(), password: PASSWORD });
    expect(session).toMatchObject({ userId: user._id, expiresIn: "15m" });
    expect(session.accessToken).toBe(sdk.auth.getToken());
    await expect(sdk.auth.me()).resolves.toMatchObject({ _id: user._id });

    const refreshed = await sdk.auth.refreshToken();
    expect(refreshed.refreshToken).not.toBe(session.refreshToken);
    await expect(sdk.auth.me(refreshed.accessToken)).resolves.toMatchObject({ _id: user._id });

    // The refresh token that was just traded in cannot be used again.
    expect(await sdkError(sdk.auth.refreshToken(session.refreshToken))).toBeInstanceOf(AuthError);

    const before = await counts();
    await expect(sdk.auth.logout()).resolves.toMatchObject({ success: true });
    expect((await counts())?.live_sessions).toBe((before?.live_sessions ?? 0) - 1);
    const afterLogout = await sdkError(sdk.auth.refreshToken(refreshed.refreshToken));
    expect(afterLogout.statusCode).toBe(401);
  });

  it("says where the refresh token goes when a request carries none", async () => {
    const response = await fetch(`${app.url}/api/userAuth/refresh-token`, {
      method: "POST",
      headers: { "x-api-key": seeded.keys.publishable, "content-type": "application/json" },
      body: JSON.stringify({ refreshToken: "rt_sent_in_the_body" }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toBe(
      "Send the refresh token in the x-refresh-token header.",
    );
  });

  it("gives the same 401 for a wrong password and for an unknown email", async () => {
    const email = uniqueEmail("login");
    await client().auth.signUp({ email, password: PASSWORD });
    const before = await counts();

    const wrongPassword = await sdkError(client().auth.login({ email, password: "not it at all" }));
    const unknownEmail = await sdkError(
      client().auth.login({ email: uniqueEmail("nobody"), password: PASSWORD }),
    );
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(unknownEmail.message).toBe(wrongPassword.message);
    expect(await counts()).toEqual(before);
  });

  it("refuses a second sign-up with the same email (any case) with 409", async () => {
    const email = uniqueEmail("dup");
    await client().auth.signUp({ email, password: PASSWORD });
    const before = await counts();

    const error = await sdkError(
      client().auth.signUp({ email: email.toUpperCase(), password: PASSWORD }),
    );
    expect(error.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it("refuses bad sign-up input with 400", async () => {
    const before = await counts();
    const short = await sdkError(
      client().auth.signUp({ email: uniqueEmail("s"), password: "short" }),
    );
    expect(short).toBeInstanceOf(ValidationError);
    const noEmail = await sdkError(
      client().auth.signUp({ email: "not-an-email", password: PASSWORD }),
    );
    expect(noEmail).toBeInstanceOf(ValidationError);
    expect(await counts()).toEqual(before);
  });

  it("keeps end users to their own project", async () => {
    const email = uniqueEmail("scoped");
    const user = await client().auth.signUp({ email, password: PASSWORD });
    const theirs = client(other.keys.publishable);

    expect((await sdkError(theirs.auth.login({ email, password: PASSWORD }))).statusCode).toBe(401);
    const signedIn = await client().auth.login({ email, password: PASSWORD });
    expect(signedIn.userId).toBe(user._id);
    expect((await sdkError(theirs.auth.me(signedIn.accessToken))).statusCode).toBe(401);
  });

  it("stops password guessing after 10 logins a minute for one account, whoever asks", async () => {
    const email = uniqueEmail("guess");
    await client().auth.signUp({ email, password: PASSWORD });
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const wrong = await sdkError(client().auth.login({ email, password: `guess ${attempt}` }));
      expect(wrong.statusCode).toBe(401);
    }

    const limited = await sdkError(client().auth.login({ email, password: PASSWORD }));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited.message).toMatch(/^Too many login attempts for this account\. Try again in/);
    // Other accounts, and the same email in another project, are not held up.
    const neighbour = uniqueEmail("neighbour");
    await client().auth.signUp({ email: neighbour, password: PASSWORD });
    await expect(
      client().auth.login({ email: neighbour, password: PASSWORD }),
    ).resolves.toBeDefined();
    const elsewhere = await sdkError(
      client(other.keys.publishable).auth.login({ email, password: PASSWORD }),
    );
    expect(elsewhere.statusCode).toBe(401);
  });
});

describe("access tokens", () => {
  async function signedInUser() {
    const email = uniqueEmail("jwt");
    const sdk = client();
    const user = await sdk.auth.signUp({ email, password: PASSWORD });
    return { sdk, user, token: sdk.auth.getToken() as string };
  }

  const sign = (claims: Record<string, unknown>, expiresAt: number, secret: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("rekey")
      .setAudience(seeded.project.id)
      .setExpirationTime(expiresAt)
      .sign(new TextEncoder().encode(secret));

  it("refuses an expired token with 401", async () => {
    const { sdk, user } = await signedInUser();
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await sign({ sub: user._id }, past, seeded.project.jwtSecret);
    const error = await sdkError(sdk.auth.me(expired));
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/expired/);
  });

  it("refuses a tampered or foreign token with 401", async () => {
    const { sdk, user, token } = await signedInUser();
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: crypto.randomUUID() })).toString(
      "base64url",
    );
    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    const future = Math.floor(Date.now() / 1000) + 600;

    for (const bad of [
      `${header}.${forged}.${signature}`,
      `${header}.${payload}.${flipped}`,
      await sign({ sub: user._id }, future, other.project.jwtSecret),
      await sign({ sub: user._id }, future, "a-secret-that-is-not-the-projects-at-all"),
    ]) {
      expect((await sdkError(sdk.auth.me(bad))).statusCode).toBe(401);
    }
    await expect(sdk.auth.me(token)).resolves.toMatchObject({ _id: user._id });
  });

  it("asks for a bearer token when none is sent", async () => {
    const response = await fetch(`${app.url}/api/userAuth/me`, {
      headers: { "x-api-key": seeded.keys.publishable },
    });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toMatch(/Authorization: Bearer/);
  });
});

describe("end-user tokens and API key changes", () => {
  it("keep working after the project gets a new current key, with old and new key", async () => {
    const project = await seedProject(db);
    try {
      const email = uniqueEmail("rotation");
      const before = sdkClient(app.url, project.keys.publishable);
      const user = await before.auth.signUp({ email, password: PASSWORD });
      const accessToken = before.auth.getToken() as string;
      const refreshToken = before.auth.getRefreshToken() as string;

      const { newKey } = await replaceCurrentKey(db, {
        projectId: project.project.id,
        type: "publishable",
        oldKeyExpiresAt: new Date(Date.now() + 60 * 60 * 1000),
      });

      const after = sdkClient(app.url, newKey);
      await expect(after.auth.me(accessToken)).resolves.toMatchObject({ _id: user._id });
      await expect(before.auth.me(accessToken)).resolves.toMatchObject({ _id: user._id });
      const refreshed = await after.auth.refreshToken(refreshToken);
      await expect(after.auth.me(refreshed.accessToken)).resolves.toMatchObject({ _id: user._id });
    } finally {
      await removeProjects(db, [project]);
    }
  });
});
