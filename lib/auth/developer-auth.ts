import { isAPIError } from "better-auth/api";
import type { z } from "zod";
import { logger } from "@/lib/logger";
import { getAuth } from "./auth";
import { AuthFailure } from "./auth-failure";
import { assertAuthAttemptAllowed } from "./auth-rate-limit";
import {
  AUTH_MESSAGES,
  type SignInInput,
  type SignUpInput,
  signInSchema,
  signUpSchema,
} from "./credentials.schema";

const log = logger.child({ module: "auth" });

// better-auth's error codes for mistakes a developer can correct. Unknown email and wrong
// password share one code and one message, so the form never reveals which accounts exist.
const FAILURES: Record<string, ConstructorParameters<typeof AuthFailure>> = {
  USER_ALREADY_EXISTS: [AUTH_MESSAGES.accountExists, "email"],
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: [AUTH_MESSAGES.accountExists, "email"],
  INVALID_EMAIL: [AUTH_MESSAGES.invalidEmail, "email"],
  PASSWORD_TOO_SHORT: [AUTH_MESSAGES.passwordTooShort, "password"],
  PASSWORD_TOO_LONG: [AUTH_MESSAGES.passwordTooLong, "password"],
  INVALID_EMAIL_OR_PASSWORD: [AUTH_MESSAGES.incorrectCredentials, null],
};

/** Turns better-auth's errors the developer can act on into AuthFailures; others pass. */
export function toAuthFailure(error: unknown): unknown {
  if (!isAPIError(error)) return error;
  if (error.statusCode === 429) return new AuthFailure(AUTH_MESSAGES.tooManyAttempts);

  const code = (error.body as { code?: unknown } | undefined)?.code;
  const failure = typeof code === "string" ? FAILURES[code] : undefined;
  return failure ? new AuthFailure(...failure) : error;
}

/** Parses input the forms have checked already, failing the same way if it was bypassed. */
function parseCredentials<Schema extends z.ZodType>(schema: Schema, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.infer<Schema>;

  const [issue] = result.error.issues;
  const field = issue?.path[0];
  throw new AuthFailure(
    issue?.message ?? AUTH_MESSAGES.invalidEmail,
    field === "email" || field === "password" ? field : null,
  );
}

/** The display name better-auth requires, taken from the email: the form does not ask. */
export function nameFromEmail(email: string): string {
  return email.split("@")[0] || email;
}

/** Creates the account and its session; the session cookie rides on the response. */
export async function signUpDeveloper(input: SignUpInput, requestHeaders: Headers) {
  const { email, password } = parseCredentials(signUpSchema, input);
  await assertAuthAttemptAllowed("sign-up", email, requestHeaders);

  const result = await getAuth()
    .api.signUpEmail({
      body: { email, password, name: nameFromEmail(email) },
      headers: requestHeaders,
    })
    .catch((error: unknown) => Promise.reject(toAuthFailure(error)));

  log.info({ developerId: result.user.id }, "developer signed up");
  return { developerId: result.user.id };
}

export async function signInDeveloper(input: SignInInput, requestHeaders: Headers) {
  const { email, password } = parseCredentials(signInSchema, input);
  await assertAuthAttemptAllowed("sign-in", email, requestHeaders);

  const result = await getAuth()
    .api.signInEmail({ body: { email, password }, headers: requestHeaders })
    .catch((error: unknown) => Promise.reject(toAuthFailure(error)));

  log.info({ developerId: result.user.id }, "developer signed in");
  return { developerId: result.user.id };
}

/** Ends the current session server side and clears its cookie. */
export async function signOutDeveloper(requestHeaders: Headers): Promise<void> {
  await getAuth().api.signOut({ headers: requestHeaders });
}
