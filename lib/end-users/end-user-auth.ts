import { createHash } from "node:crypto";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { endLiveSession } from "@/db/end-user-sessions";
import { findEndUserByEmail, findEndUserById, insertEndUser } from "@/db/end-users";
import { logger } from "@/lib/logger";
import { ApiError, badRequest } from "@/lib/public-api/api-error";
import { consumeAttempt } from "@/lib/rate-limit/fixed-window";
import { type TokenProject, verifyAccessToken } from "./access-token";
import {
  bearerTokenSchema,
  logInSchema,
  refreshTokenSchema,
  signUpSchema,
} from "./credentials.schema";
import { type AuthTokens, issueTokens } from "./issue-tokens";
import { hashPassword, passwordMatches } from "./password";
import { type PublicEndUser, toPublicEndUser } from "./public-end-user";
import { hashRefreshToken } from "./refresh-token";

const log = logger.child({ module: "end-user-auth" });

// One message for a wrong password and an unknown email: the answer must not tell which.
const BAD_CREDENTIALS = "Invalid email or password.";
const BAD_ACCESS_TOKEN = "The access token is invalid or has expired. Log in or refresh it.";
const DUPLICATE_EMAIL = "An account with this email already exists. Log in instead.";
const BAD_REFRESH_TOKEN = "The refresh token is invalid, expired or already used. Log in again.";
const MISSING_REFRESH_TOKEN = "Send the refresh token in the x-refresh-token header.";

// Login attempts per end-user account per minute. The publishable key that reaches the login
// route is public and an address is easy to vary, so the limit follows the account.
const LOGIN_ATTEMPTS_PER_WINDOW = 10;
const LOGIN_WINDOW_SECONDS = 60;

export type SignedIn = AuthTokens & { user: PublicEndUser };

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw badRequest(parsed.error.issues[0]?.message ?? "Invalid request body.");
}

export async function signUp(
  db: Database,
  project: TokenProject,
  body: unknown,
): Promise<SignedIn> {
  const input = parse(signUpSchema, body);
  const passwordHash = await hashPassword(input.password);

  const signedIn = await db.transaction(async (tx) => {
    const user = await insertEndUser(tx, {
      projectId: project.id,
      email: input.email,
      passwordHash,
      username: input.username ?? null,
      name: input.name ?? null,
    });
    if (!user) throw new ApiError(409, DUPLICATE_EMAIL);
    return { ...(await issueTokens(tx, project, user.id)), user: toPublicEndUser(user) };
  });

  log.info({ projectId: project.id, endUserId: signedIn.userId }, "end user signed up");
  return signedIn;
}

export async function logIn(db: Database, project: TokenProject, body: unknown): Promise<SignedIn> {
  const input = parse(logInSchema, body);
  await assertLoginAllowed(project.id, input.email);
  const user = await findEndUserByEmail(db, { projectId: project.id, email: input.email });

  const matches = await passwordMatches(input.password, user?.passwordHash ?? null);
  if (!user || !matches) throw new ApiError(401, BAD_CREDENTIALS);

  return { ...(await issueTokens(db, project, user.id)), user: toPublicEndUser(user) };
}

// Redis keys carry a digest of the address, never the address itself.
async function assertLoginAllowed(projectId: string, email: string): Promise<void> {
  const account = createHash("sha256").update(email).digest("hex").slice(0, 32);
  const bucket = `end-user-login:${projectId}:${account}`;
  const decision = await consumeAttempt(bucket, LOGIN_ATTEMPTS_PER_WINDOW, LOGIN_WINDOW_SECONDS);
  if (decision.allowed) return;

  const { retryAfterSeconds } = decision;
  const wait = retryAfterSeconds === 1 ? "1 second" : `${retryAfterSeconds} seconds`;
  throw new ApiError(429, `Too many login attempts for this account. Try again in ${wait}.`, {
    retryAfterSeconds,
  });
}

export async function currentEndUser(
  db: Database,
  project: TokenProject,
  authorization: string | null,
): Promise<PublicEndUser> {
  const bearer = bearerTokenSchema.safeParse(authorization ?? "");
  if (!bearer.success) {
    throw new ApiError(401, "Send the end user's access token as Authorization: Bearer <token>.");
  }

  const endUserId = await verifyAccessToken(project, bearer.data);
  const user = endUserId && (await findEndUserById(db, { projectId: project.id, endUserId }));
  if (!user) throw new ApiError(401, BAD_ACCESS_TOKEN);
  return toPublicEndUser(user);
}

/** Trades a refresh token for a new pair; the old refresh token stops working. */
export async function refreshTokens(
  db: Database,
  project: TokenProject,
  refreshToken: string | null,
): Promise<AuthTokens> {
  if (!refreshToken) throw new ApiError(401, MISSING_REFRESH_TOKEN);
  const parsed = refreshTokenSchema.safeParse(refreshToken);
  if (!parsed.success) throw new ApiError(401, BAD_REFRESH_TOKEN);

  return db.transaction(async (tx) => {
    const tokenHash = hashRefreshToken(parsed.data);
    const session = await endLiveSession(tx, { projectId: project.id, tokenHash });
    if (!session) throw new ApiError(401, BAD_REFRESH_TOKEN);
    return issueTokens(tx, project, session.endUserId);
  });
}

/** Ends the refresh session, if the token names a live one; logging out twice is fine. */
export async function logOut(
  db: Database,
  project: TokenProject,
  refreshToken: string | null,
): Promise<boolean> {
  const parsed = refreshTokenSchema.safeParse(refreshToken);
  if (!parsed.success) return false;

  const tokenHash = hashRefreshToken(parsed.data);
  return (await endLiveSession(db, { projectId: project.id, tokenHash })) !== null;
}
