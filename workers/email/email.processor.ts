import { type Job, UnrecoverableError } from "bullmq";
import type { Database } from "@/db/client";
import {
  claimOutboxMessage,
  type EmailMessage,
  findOutboxMessage,
  finishFailedAttempt,
  markOutboxSent,
  type RenderedContent,
} from "@/db/email-messages";
import { emailJobSchema } from "@/lib/email/email-queue";
import { EMAIL_MAX_ATTEMPTS } from "@/lib/email/enqueue-email-retry";
import { EmailDataError, renderEmail } from "@/lib/email/render-email";
import { EmailSendError, type EmailTransport } from "@/lib/email/transports/email-transport";
import { type Logger, logger as rootLogger } from "@/lib/logger";

export type EmailProcessorDeps = {
  db: Database;
  transport: EmailTransport;
  from: string;
  appUrl: string;
  log?: Logger;
  now?: () => Date;
};

export type EmailJobResult =
  | { outcome: "sent"; providerId: string }
  | { outcome: "skipped"; status: EmailMessage["status"] | "missing" };

const MAX_ERROR_LENGTH = 500;
const KEY_LIKE = /[ps]k_live_[0-9A-Za-z]{8,}/g;

/** What may be stored in last_error: the transport's description, cut, never a key. */
export function safeErrorText(error: unknown): string {
  const text =
    error instanceof EmailSendError || error instanceof EmailDataError
      ? error.message
      : "unexpected error while sending (see the worker log)";
  return text.replace(KEY_LIKE, "[redacted]").slice(0, MAX_ERROR_LENGTH);
}

function isLastAttempt(job: Job, row: EmailMessage): boolean {
  const jobAttempts = job.opts.attempts ?? 1;
  return job.attemptsMade + 1 >= jobAttempts || row.attempts >= EMAIL_MAX_ATTEMPTS;
}

/**
 * The email queue's processor: claims the outbox row (so a job that runs twice sends once),
 * renders it from its stored data, sends it, and records the outcome on the row.
 */
export function createEmailProcessor(deps: EmailProcessorDeps) {
  const baseLog = (deps.log ?? rootLogger).child({ module: "email-worker" });
  const now = deps.now ?? (() => new Date());

  return async function processEmailJob(job: Job): Promise<EmailJobResult> {
    const payload = emailJobSchema.safeParse(job.data);
    if (!payload.success) {
      baseLog.error({ jobId: job.id }, "email job payload is invalid; not retried");
      throw new UnrecoverableError("invalid email job payload");
    }

    const { messageId } = payload.data;
    const log = baseLog.child({ jobId: job.id, messageId });
    const row = await claimOutboxMessage(deps.db, messageId);
    if (!row) return skip(deps.db, messageId, log);

    return sendClaimed(job, row, log.child({ projectId: row.projectId }));
  };

  async function sendClaimed(job: Job, row: EmailMessage, log: Logger): Promise<EmailJobResult> {
    const started = Date.now();
    let rendered: RenderedContent | null = null;
    let providerId: string;
    try {
      rendered = renderEmail(row.template, row.data, { appUrl: deps.appUrl, now: now() });
      ({ providerId } = await deps.transport.send({
        id: row.id,
        from: deps.from,
        to: row.recipient,
        ...rendered,
      }));
    } catch (error) {
      return failAttempt(job, row, { error, rendered, log });
    }

    // Outside the try: once the provider has the message, a failure to record it must not
    // count as a failed send. The row then stays `sending` until the stuck-row recovery,
    // whose resend carries the same idempotency key.
    await markOutboxSent(deps.db, row.id, { providerId, ...rendered });
    const durationMs = Date.now() - started;
    log.info({ providerId, attempt: row.attempts, durationMs }, "email sent");
    return { outcome: "sent", providerId };
  }

  async function failAttempt(
    job: Job,
    row: EmailMessage,
    failure: { error: unknown; rendered: RenderedContent | null; log: Logger },
  ): Promise<never> {
    const { error, rendered, log } = failure;
    const retryable =
      !(error instanceof EmailDataError) && !(error instanceof EmailSendError && !error.retryable);
    const final = !retryable || isLastAttempt(job, row);
    const lastError = safeErrorText(error);

    await finishFailedAttempt(deps.db, row.id, {
      status: final ? "failed" : "pending",
      lastError,
      rendered,
    });

    const context = { attempt: row.attempts, final, reason: lastError };
    if (error instanceof EmailSendError || error instanceof EmailDataError) {
      log.warn(context, final ? "email failed for good" : "email attempt failed; will retry");
    } else {
      log.error({ ...context, err: error }, "unexpected error while sending an email");
    }

    // Retrying cannot fix a refused message; BullMQ then keeps the job as failed. Either
    // way the job carries the stored, safe text, never an unexpected error's own message.
    if (!retryable) throw new UnrecoverableError(lastError);
    throw new Error(lastError);
  }
}

// Another job holds the row, or it is already sent or failed: nothing to send here.
async function skip(db: Database, messageId: string, log: Logger): Promise<EmailJobResult> {
  const current = await findOutboxMessage(db, messageId);
  const status = current?.status ?? "missing";
  log.info({ status }, "outbox row not pending; nothing sent");
  return { outcome: "skipped", status };
}
