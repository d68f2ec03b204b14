import { randomUUID } from "node:crypto";
import { APIError } from "better-auth/api";
import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { account, session, user } from "@/db/schema";
import { AuthFailure } from "./auth-failure";
import { AUTH_MESSAGES } from "./credentials.schema";
import { signInDeveloper, signUpDeveloper, toAuthFailure } from "./developer-auth";

const PASSWORD = "correct-horse-battery-staple";
const emails: string[] = [];

function newEmail(): string {
  const email = `auth-${randomUUID()}@example.test`;
  emails.push(email);
  return email;
}

async function failureOf(promise: Promise<unknown>): Promise<AuthFailure> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AuthFailure);
  return error as AuthFailure;
}

async function usersWith(email: string) {
  return getDb().select().from(user).where(eq(user.email, email.toLowerCase()));
}

afterAll(async () => {
  // Sessions and accounts go with their user (cascade).
  await getDb().delete(user).where(inArray(user.email, emails));
  await closeDb();
});

describe("signUpDeveloper", () => {
  it("creates the developer with a hashed password and a session", async () => {
    const email = newEmail();
    const { developerId } = await signUpDeveloper({ email, password: PASSWORD }, new Headers());

    const [created] = await usersWith(email);
    expect(created).toMatchObject({ id: developerId, name: email.split("@")[0] });
    const [credential] = await getDb()
      .select()
      .from(account)
      .where(eq(account.userId, developerId));
    expect(credential?.password).toBeTruthy();
    expect(credential?.password).not.toContain(PASSWORD);
    expect(
      await getDb().select().from(session).where(eq(session.userId, developerId)),
    ).toHaveLength(1);
  });

  it("refuses a password under 10 characters and creates nothing", async () => {
    const email = newEmail();

    const failure = await failureOf(signUpDeveloper({ email, password: "short" }, new Headers()));

    expect(failure).toMatchObject({ field: "password", message: AUTH_MESSAGES.passwordTooShort });
    expect(await usersWith(email)).toEqual([]);
  });

  it("says an account exists for a known email, in any letter case", async () => {
    const email = newEmail();
    await signUpDeveloper({ email, password: PASSWORD }, new Headers());

    const failure = await failureOf(
      signUpDeveloper({ email: email.toUpperCase(), password: PASSWORD }, new Headers()),
    );

    expect(failure).toMatchObject({ field: "email", message: AUTH_MESSAGES.accountExists });
    expect(await usersWith(email)).toHaveLength(1);
  });
});

describe("signInDeveloper", () => {
  it("signs in with the right password", async () => {
    const email = newEmail();
    const { developerId } = await signUpDeveloper({ email, password: PASSWORD }, new Headers());

    const signedIn = await signInDeveloper({ email, password: PASSWORD }, new Headers());

    expect(signedIn.developerId).toBe(developerId);
  });

  it("gives a wrong password and an unknown email the same answer", async () => {
    const email = newEmail();
    await signUpDeveloper({ email, password: PASSWORD }, new Headers());

    const wrongPassword = await failureOf(
      signInDeveloper({ email, password: "not-the-password" }, new Headers()),
    );
    const unknownEmail = await failureOf(
      signInDeveloper({ email: newEmail(), password: PASSWORD }, new Headers()),
    );

    for (const failure of [wrongPassword, unknownEmail]) {
      expect(failure).toMatchObject({ field: null, message: "Incorrect email or password." });
    }
  });
});

describe("toAuthFailure", () => {
  it.each([
    ["USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", 422, "email", AUTH_MESSAGES.accountExists],
    ["PASSWORD_TOO_SHORT", 400, "password", AUTH_MESSAGES.passwordTooShort],
    ["INVALID_EMAIL", 400, "email", AUTH_MESSAGES.invalidEmail],
    ["INVALID_EMAIL_OR_PASSWORD", 401, null, AUTH_MESSAGES.incorrectCredentials],
  ] as const)("maps better-auth's %s to plain text", (code, status, field, message) => {
    const error = new APIError(status, { code, message: "library text" });
    expect(toAuthFailure(error)).toMatchObject({ field, message });
  });

  it("explains rate limiting and lets anything unknown through untouched", () => {
    expect(toAuthFailure(new APIError(429, { message: "Too many requests" }))).toMatchObject({
      message: AUTH_MESSAGES.tooManyAttempts,
    });
    const unknown = new APIError(500, { code: "FAILED_TO_CREATE_USER", message: "boom" });
    expect(toAuthFailure(unknown)).toBe(unknown);
    const plain = new Error("connection refused");
    expect(toAuthFailure(plain)).toBe(plain);
  });
});
