"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import {
  reauthenticate as confirmPassword,
  needsReauthentication,
  REAUTHENTICATION_REQUIRED,
  type ReauthenticateInput,
  type ReauthenticateResult,
  reauthenticateSchema,
} from "@/lib/auth/reauthenticate";
import { type DeveloperSession, getDeveloperSession } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { developerActor } from "@/lib/rotation/request-actor";
import { revokePreviousKey as revokeKeyNow } from "@/lib/rotation/revoke-key";
import { type RevokeKeyInput, revokeKeySchema } from "@/lib/rotation/revoke-key.schema";
import { rotateKey as rotateProjectKey } from "@/lib/rotation/rotate-key";
import { type RotateKeyInput, rotateKeySchema } from "@/lib/rotation/rotate-key.schema";
import {
  type Failure,
  internalFailure,
  invalidInput,
  type RevokeKeyResult,
  type RotateKeyResult,
} from "@/lib/rotation/rotation-result";

const log = logger.child({ module: "settings-actions" });

// The parameter types serve the settings UI; what arrives is whatever a browser sent, so
// every action parses it with the same schema the form uses before anything else.

const SIGNED_OUT: Failure = {
  ok: false,
  error: { code: "unauthenticated", message: "Your session has ended. Sign in again." },
};

type Gate = { ok: true; session: DeveloperSession } | Failure;

// Who may change keys: a signed-in developer whose sign-in (or last password confirmation)
// is recent. Ownership of the project is checked inside the transaction that changes it.
async function sensitiveSession(): Promise<Gate> {
  const session = await getDeveloperSession();
  if (!session) return SIGNED_OUT;
  if (needsReauthentication(session)) return REAUTHENTICATION_REQUIRED;
  return { ok: true, session };
}

/** Rotates a project's publishable or secret key; the result holds the new key, once. */
export async function rotateKey(input: RotateKeyInput): Promise<RotateKeyResult> {
  const parsed = rotateKeySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);

  try {
    const gate = await sensitiveSession();
    if (!gate.ok) return gate;
    const actor = developerActor(gate.session.developer, await headers());
    return await rotateProjectKey(getDb(), actor, parsed.data);
  } catch (error) {
    return internalFailure(log, error, "rotating a key");
  }
}

/** Ends the grace period of one replaced key now. */
export async function revokePreviousKey(input: RevokeKeyInput): Promise<RevokeKeyResult> {
  const parsed = revokeKeySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);

  try {
    const gate = await sensitiveSession();
    if (!gate.ok) return gate;
    const actor = developerActor(gate.session.developer, await headers());
    return await revokeKeyNow(getDb(), actor, parsed.data);
  } catch (error) {
    return internalFailure(log, error, "revoking a key");
  }
}

/** Confirms the developer's password, so that key changes are accepted for 15 minutes. */
export async function reauthenticate(input: ReauthenticateInput): Promise<ReauthenticateResult> {
  const parsed = reauthenticateSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);

  try {
    const session = await getDeveloperSession();
    if (!session) return SIGNED_OUT;
    const scope = { developerId: session.developer.id, sessionId: session.sessionId };
    return await confirmPassword(getDb(), scope, parsed.data);
  } catch (error) {
    return internalFailure(log, error, "confirming a password");
  }
}
