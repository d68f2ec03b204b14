import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/db/client";
import { account, session, user, verification } from "@/db/schema";
import { env } from "@/lib/env";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

function createAuth() {
  const config = env();
  return betterAuth({
    appName: "Rekey",
    baseURL: config.APP_URL,
    secret: config.SESSION_SECRET,
    database: drizzleAdapter(getDb(), {
      provider: "pg",
      schema: { user, session, account, verification },
    }),
    // Passwords are hashed by better-auth's default scrypt, which is memory-hard.
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      additionalFields: {
        reauthenticatedAt: { type: "date", required: false, input: false },
      },
    },
    rateLimit: {
      enabled: config.NODE_ENV === "production",
      window: 10,
      max: config.AUTH_RATE_LIMIT_MAX,
      storage: "memory",
    },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { rekeyAuth?: Auth };

/** The better-auth instance, built on first use so that `next build` needs no database. */
export function getAuth(): Auth {
  globalForAuth.rekeyAuth ??= createAuth();
  return globalForAuth.rekeyAuth;
}
