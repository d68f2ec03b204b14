export const REJECTION_REASONS = [
  "key_in_url",
  "missing",
  "malformed",
  "unknown",
  "expired",
  "revoked",
  "secret_key_required",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Why a request's key was refused, with the status and plain text the client receives. */
export type Rejection = {
  status: 401 | 403;
  reason: RejectionReason;
  message: string;
  /** For `expired` and `revoked`: when the key stopped working, ISO 8601. */
  at?: string;
};

export function rejection(reason: RejectionReason, at?: Date): Rejection {
  switch (reason) {
    case "key_in_url":
      return {
        status: 401,
        reason,
        message:
          "API keys are accepted only in the x-api-key header, never in the URL, where they " +
          "end up in logs and browser history. Send it as x-api-key and consider rotating it.",
      };
    case "missing":
      return {
        status: 401,
        reason,
        message: "Send your project's API key in the x-api-key header.",
      };
    case "malformed":
      return {
        status: 401,
        reason,
        message: "The x-api-key header does not hold a valid API key.",
      };
    case "unknown":
      return { status: 401, reason, message: "This API key does not belong to any project." };
    case "expired":
      return {
        status: 401,
        reason,
        at: at?.toISOString(),
        message: `This API key expired at ${at?.toISOString()}. Use the project's current key.`,
      };
    case "revoked":
      return {
        status: 401,
        reason,
        at: at?.toISOString(),
        message: "This API key has been revoked. Use the project's current key.",
      };
    case "secret_key_required":
      return {
        status: 403,
        reason,
        message:
          "This request changes data, so it needs the secret key (sk_live_…), " +
          "not the publishable key.",
      };
  }
}
