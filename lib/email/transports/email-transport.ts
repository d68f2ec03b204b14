/** One rendered email, ready for a provider. `id` is the outbox row id. */
export type OutgoingEmail = {
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

export type SentEmail = { providerId: string };

/** Anything that delivers an email: the Resend API in production, the local mailbox in dev. */
export type EmailTransport = {
  readonly name: "resend" | "local";
  send(message: OutgoingEmail): Promise<SentEmail>;
};

/**
 * A send that did not happen. `retryable` says whether trying again later can help (rate
 * limits, provider outages, timeouts) or not (a rejected address or payload). `message` is
 * safe to store and show: it never holds the email's content.
 */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code: string,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}
