import { and, eq } from "drizzle-orm";
import type { Executor } from "./client";
import { account } from "./schema";

// better-auth's provider id for email-and-password accounts.
const CREDENTIAL_PROVIDER = "credential";

/** The developer's password hash, for confirming a password; null without one. */
export async function findCredentialPasswordHash(
  db: Executor,
  developerId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ password: account.password })
    .from(account)
    .where(and(eq(account.userId, developerId), eq(account.providerId, CREDENTIAL_PROVIDER)));
  return row?.password ?? null;
}
