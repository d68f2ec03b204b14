import { verifyPassword } from "better-auth/crypto";
import { z } from "zod";
import { findCredentialPasswordHash } from "@/db/accounts";
import type { Executor } from "@/db/client";
import { markSessionReauthenticated } from "@/db/sessions";
import { logger } from "@/lib/logger";
import { consumeAttempt } from "@/lib/rate-limit/fixed-window";
import { describeWait } from "@/lib/rotation/rotation-rate-limit";
import { type Failure, invalidInput } from "@/lib/rotation/rotation-result";
import { MAX_PASSWORD_LENGTH } from "./auth";

const log = logger.child({ module: "reauthentication" });

/** A sign-in or password confirmation older than this must be confirmed again. */
export const REAUTHENTICATION_WINDOW_MS = 15 * 60 * 1000;

// Password confirmations allowed per developer per window: enough for typos, too few to guess.
const ATTEMPTS_PER_WINDOW = 10;
const ATTEMPT_WINDOW_SECONDS = 15 * 60;

export const reauthenticateSchema = z.object({
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(MAX_PASSWORD_LENGTH, "That password is not correct."),
});

export type ReauthenticateInput = z.infer<typeof reauthenticateSchema>;
export type ReauthenticateResult = { ok: true; reauthenticatedAt: string } | Failure;

export type SessionFreshness = { signedInAt: Date; reauthenticatedAt: Date | null };

/** True when neither the sign-in nor a password confirmation happened in the last 15 min. */
export function needsReauthentication(session: SessionFreshness, now = new Date()): boolean {
  const latest = Math.max(
    session.signedInAt.getTime(),
    session.reauthenticatedAt?.getTime() ?? Number.NEGATIVE_INFINITY,
  );
  return now.getTime() - latest > REAUTHENTICATION_WINDOW_MS;
}

export const REAUTHENTICATION_REQUIRED: Failure = {
  ok: false,
  error: {
    code: "reauthentication_required",
    message: "You signed in more than 15 minutes ago. Enter your password to continue.",
  },
};

const WRONG_PASSWORD: Failure = {
  ok: false,
  error: {
    code: "wrong_password",
    message: "That password is not correct. Nothing was changed.",
    fieldErrors: { password: ["That password is not correct."] },
  },
};

/**
 * Confirms the signed-in developer's password with better-auth's own hash check, and on
 * success marks this session as freshly confirmed. A wrong password changes nothing.
 */
export async function reauthenticate(
  db: Executor,
  scope: { developerId: string; sessionId: string },
  input: unknown,
  now = new Date(),
): Promise<ReauthenticateResult> {
  const parsed = reauthenticateSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);

  const limit = await consumeAttempt(
    `reauth:${scope.developerId}`,
    ATTEMPTS_PER_WINDOW,
    ATTEMPT_WINDOW_SECONDS,
  );
  if (!limit.allowed) return tooManyAttempts(limit.retryAfterSeconds);

  const hash = await findCredentialPasswordHash(db, scope.developerId);
  const matches = hash !== null && (await verifyPassword({ hash, password: parsed.data.password }));
  if (!matches) {
    log.info({ developerId: scope.developerId }, "password confirmation refused");
    return WRONG_PASSWORD;
  }

  const marked = await markSessionReauthenticated(db, scope, now);
  if (!marked) return SESSION_ENDED;
  return { ok: true, reauthenticatedAt: marked.reauthenticatedAt.toISOString() };
}

const SESSION_ENDED: Failure = {
  ok: false,
  error: { code: "unauthenticated", message: "Your session has ended. Sign in again." },
};

function tooManyAttempts(retryAfterSeconds: number): Failure {
  const message =
    `Too many password attempts. You can try again ${describeWait(retryAfterSeconds)}. ` +
    `Nothing was changed.`;
  return { ok: false, error: { code: "rate_limited", message, retryAfterSeconds } };
}
