import { randomUUID } from "node:crypto";
import { type ZodError, z } from "zod";
import type { KeyType } from "@/lib/keys/key-format";
import type { Logger } from "@/lib/logger";

/** What went wrong, as a code the UI can branch on; `message` is plain text to show. */
export type RotationErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "not_found"
  | "reauthentication_required"
  | "rate_limited"
  | "not_in_grace"
  | "wrong_password"
  | "internal_error";

export type RotationErrorInfo = {
  code: RotationErrorCode;
  message: string;
  /** With `rate_limited`: how long until the next rotation is accepted. */
  retryAfterSeconds?: number;
  /** With `invalid_input`: messages per input field. */
  fieldErrors?: Record<string, string[]>;
};

export type Failure = { ok: false; error: RotationErrorInfo };

/** A key as the dashboard may show it: never the key itself. Times are ISO 8601 UTC. */
export type KeySummary = {
  id: string;
  type: KeyType;
  maskedKey: string;
  prefix: string;
  lastFour: string;
  createdAt: string;
};

export type OldKeySummary = KeySummary & {
  deprecatedAt: string;
  /** When the old key stops being accepted; equal to `deprecatedAt` for "immediately". */
  expiresAt: string;
  /** Set when the rotation revoked the old key at once. */
  revokedAt: string | null;
};

export type RotateKeyResult =
  | {
      ok: true;
      /** The new full key. Returned here once; it is stored nowhere. */
      key: string;
      newKey: KeySummary;
      oldKey: OldKeySummary;
      graceSeconds: number;
    }
  | Failure;

export type RevokeKeyResult =
  | { ok: true; revokedKey: KeySummary & { revokedAt: string } }
  | Failure;

/** A failure the user can act on; thrown inside a transaction so that it rolls back. */
export class RotationError extends Error {
  constructor(
    readonly code: Exclude<RotationErrorCode, "internal_error">,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "RotationError";
  }

  toFailure(): Failure {
    const { code, message, retryAfterSeconds } = this;
    return {
      ok: false,
      error: { code, message, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) },
    };
  }
}

export function invalidInput(error: ZodError): Failure {
  const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[]>;
  const message = error.issues[0]?.message ?? "The request was not valid.";
  return { ok: false, error: { code: "invalid_input", message, fieldErrors } };
}

/** Logs an unexpected error with its cause and returns text that reveals nothing of it. */
export function internalFailure(log: Logger, error: unknown, what: string): Failure {
  const reference = randomUUID().slice(0, 8);
  log.error({ err: error, reference }, `${what} failed unexpectedly`);
  const message =
    `Something went wrong and nothing was changed. Try again; if it keeps failing, ` +
    `quote reference ${reference}.`;
  return { ok: false, error: { code: "internal_error", message } };
}
