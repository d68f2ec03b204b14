import { randomInt, randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { user } from "@/db/schema";
import { closeRedis } from "@/lib/redis";
import { AuthFailure } from "./auth-failure";
import { signInDeveloper, signUpDeveloper } from "./developer-auth";

// Read by env() on first use in this file; put back for whichever file runs next.
const previousLimit = process.env.AUTH_RATE_LIMIT_MAX;
process.env.AUTH_RATE_LIMIT_MAX = "3";

const PASSWORD = "correct-horse-battery-staple";
const emails: string[] = [];

function newEmail(): string {
  const email = `limit-${randomUUID()}@example.test`;
  emails.push(email);
  return email;
}

/** Headers of a request from a fresh, made-up client address. */
function fromNewAddress(): Headers {
  return new Headers({
    "x-forwarded-for": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`,
  });
}

async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AuthFailure);
  return (error as AuthFailure).message;
}

afterAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = previousLimit;
  await getDb().delete(user).where(inArray(user.email, emails));
  await Promise.all([closeDb(), closeRedis()]);
});

describe("sign-in and sign-up limits", () => {
  it("stops guessing one account's password, even from changing addresses", async () => {
    const email = newEmail();
    await signUpDeveloper({ email, password: PASSWORD }, fromNewAddress());
    const guess = () => signInDeveloper({ email, password: "wrong-password" }, fromNewAddress());

    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await messageOf(guess())).toBe("Incorrect email or password.");
    }
    expect(await messageOf(guess())).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    await expect(
      signInDeveloper({ email, password: PASSWORD }, fromNewAddress()),
    ).rejects.toBeInstanceOf(AuthFailure);
  });

  it("stops one address from creating accounts in bulk, and creates nothing then", async () => {
    const address = fromNewAddress();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await signUpDeveloper({ email: newEmail(), password: PASSWORD }, address);
    }

    const refused = newEmail();
    expect(
      await messageOf(signUpDeveloper({ email: refused, password: PASSWORD }, address)),
    ).toMatch(/^Too many attempts/);
    expect(await getDb().select().from(user).where(eq(user.email, refused))).toEqual([]);
  });
});
