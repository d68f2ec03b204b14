import { Resend } from "resend";
import { logger } from "@/lib/logger";
import {
  EmailSendError,
  type EmailTransport,
  type OutgoingEmail,
  type SentEmail,
} from "./email-transport";

const log = logger.child({ module: "email-resend" });

export const RESEND_TIMEOUT_MS = 10_000;

export type ResendTransportOptions = {
  apiKey: string;
  /** Resend's API by default; tests point it at a local stand-in. */
  baseUrl?: string;
  timeoutMs?: number;
};

type ResendError = { name?: string; message?: string; statusCode?: number | null };

// Rate limits, server errors and unreachable APIs pass; a refused request will be refused
// again, so it fails at once.
function isRetryable(error: ResendError): boolean {
  const status = error.statusCode;
  if (status === null || status === undefined) return true;
  return status === 429 || status >= 500;
}

function toSendError(error: ResendError): EmailSendError {
  const code = error.name ?? "resend_error";
  const status = error.statusCode ? ` (HTTP ${error.statusCode})` : "";
  const text = error.message ?? "no message";
  return new EmailSendError(`Resend ${code}${status}: ${text}`, isRetryable(error), code);
}

/**
 * Sends through the Resend API. The SDK returns errors instead of throwing them, so every
 * result is checked; the outbox row id is the idempotency key, so a send repeated after a
 * worker crash is delivered once by Resend.
 */
export function createResendTransport(options: ResendTransportOptions): EmailTransport {
  const client = new Resend(options.apiKey, { baseUrl: options.baseUrl });
  const timeoutMs = options.timeoutMs ?? RESEND_TIMEOUT_MS;

  return {
    name: "resend",
    async send(message: OutgoingEmail): Promise<SentEmail> {
      const signal = AbortSignal.timeout(timeoutMs);
      const { data, error } = await client.emails.send(
        {
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
        },
        { idempotencyKey: message.id, signal },
      );

      // The SDK turns an aborted request into a generic "unable to fetch" error.
      if (signal.aborted) {
        throw new EmailSendError(`Resend did not answer within ${timeoutMs} ms`, true, "timeout");
      }
      if (error) throw toSendError(error);
      if (!data?.id) throw new EmailSendError("Resend answered without an id", true, "no_id");

      log.debug({ messageId: message.id, providerId: data.id }, "email accepted by Resend");
      return { providerId: data.id };
    },
  };
}
