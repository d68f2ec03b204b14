import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { session } from "@/db/schema";
import {
  closeAppConnections,
  removeTestData,
  signUpDeveloper,
  TEST_PASSWORD,
} from "@/lib/rotation/test-fixtures";
import { needsReauthentication, reauthenticate } from "./reauthenticate";

const developerIds: string[] = [];

afterAll(async () => {
  await removeTestData([], developerIds);
  await closeAppConnections();
});

const minutes = (n: number) => n * 60 * 1000;
const now = new Date("2026-06-01T12:00:00Z");
const ago = (n: number) => new Date(now.getTime() - minutes(n));

describe("needsReauthentication", () => {
  it("accepts a sign-in of the last 15 minutes", () => {
    expect(needsReauthentication({ signedInAt: ago(14), reauthenticatedAt: null }, now)).toBe(
      false,
    );
    expect(needsReauthentication({ signedInAt: ago(15), reauthenticatedAt: null }, now)).toBe(
      false,
    );
  });

  it("asks again for an older sign-in without a recent confirmation", () => {
    expect(needsReauthentication({ signedInAt: ago(16), reauthenticatedAt: null }, now)).toBe(true);
    expect(needsReauthentication({ signedInAt: ago(90), reauthenticatedAt: ago(20) }, now)).toBe(
      true,
    );
  });

  it("accepts an older sign-in confirmed in the last 15 minutes", () => {
    expect(needsReauthentication({ signedInAt: ago(90), reauthenticatedAt: ago(5) }, now)).toBe(
      false,
    );
  });
});

describe("reauthenticate", () => {
  async function developerSession() {
    const developer = await signUpDeveloper();
    developerIds.push(developer.actor.id);
    const scope = { developerId: developer.actor.id, sessionId: developer.sessionId };
    const read = async () => {
      const [row] = await getDb().select().from(session).where(eq(session.id, scope.sessionId));
      return row;
    };
    return { scope, read };
  }

  it("confirms the right password and records it on the session", async () => {
    const { scope, read } = await developerSession();

    const result = await reauthenticate(getDb(), scope, { password: TEST_PASSWORD });

    expect(result.ok).toBe(true);
    const row = await read();
    expect(row?.reauthenticatedAt).not.toBeNull();
    if (result.ok) expect(row?.reauthenticatedAt?.toISOString()).toBe(result.reauthenticatedAt);
    const freshness = { signedInAt: ago(60), reauthenticatedAt: row?.reauthenticatedAt ?? null };
    expect(needsReauthentication(freshness)).toBe(false);
  });

  it("says a wrong password is wrong and changes nothing", async () => {
    const { scope, read } = await developerSession();

    const result = await reauthenticate(getDb(), scope, { password: "not-the-password" });

    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "wrong_password",
        message: "That password is not correct. Nothing was changed.",
      },
    });
    expect((await read())?.reauthenticatedAt).toBeNull();
  });

  it("refuses an empty password and another developer's session", async () => {
    const { scope, read } = await developerSession();
    const other = await developerSession();

    const empty = await reauthenticate(getDb(), scope, { password: "" });
    expect(empty).toMatchObject({ ok: false, error: { code: "invalid_input" } });

    // Right password, wrong session: the session belongs to someone else and stays as it was.
    const foreign = { developerId: scope.developerId, sessionId: other.scope.sessionId };
    const result = await reauthenticate(getDb(), foreign, { password: TEST_PASSWORD });
    expect(result).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect((await other.read())?.reauthenticatedAt).toBeNull();
    expect((await read())?.reauthenticatedAt).toBeNull();
  });

  it("stops guessing after 10 attempts in 15 minutes", async () => {
    const { scope } = await developerSession();
    for (let i = 0; i < 10; i += 1) {
      const wrong = await reauthenticate(getDb(), scope, { password: `guess-${i}` });
      expect(wrong).toMatchObject({ ok: false, error: { code: "wrong_password" } });
    }

    const blocked = await reauthenticate(getDb(), scope, { password: TEST_PASSWORD });

    expect(blocked).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    if (!blocked.ok) expect(blocked.error.message).toMatch(/try again in 15 minutes/);
  });
});
