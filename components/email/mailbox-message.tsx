import { DateTime } from "@/components/ui/date-time";
import type { EmailMessage } from "@/db/email-messages";
import { EmailPreview } from "./email-preview";
import { EmailStatusBadge } from "./email-status-badge";

const NOT_RENDERED: Record<EmailMessage["status"], string> = {
  pending: "Waiting for the email worker: it renders the message when it sends it.",
  sending: "Being sent right now.",
  sent: "",
  failed: "This message could not be rendered.",
};

/** One outbox message as the development mailbox lists it. */
export function MailboxMessage({ message }: { message: EmailMessage }) {
  const subject = message.subject ?? `(${message.template}, not rendered yet)`;
  const headingId = `message-${message.id}`;

  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 id={headingId} className="text-base font-semibold break-words text-slate-900">
            {subject}
          </h2>
          <p className="text-sm text-slate-600">
            To {message.recipient} · written <DateTime value={message.createdAt} />
            {message.status === "sent" && message.sentAt ? (
              <>
                {" "}
                · sent <DateTime value={message.sentAt} />
              </>
            ) : null}
            {` · ${message.attempts} ${message.attempts === 1 ? "attempt" : "attempts"}`}
          </p>
        </div>
        <EmailStatusBadge status={message.status} />
      </div>
      {message.lastError && message.status !== "sent" ? (
        <p className="text-sm text-red-800">Last error: {message.lastError}</p>
      ) : null}
      {message.html ? (
        <EmailPreview html={message.html} title={`Email: ${subject}`} />
      ) : (
        <p className="text-sm text-slate-600">{NOT_RENDERED[message.status]}</p>
      )}
    </article>
  );
}
