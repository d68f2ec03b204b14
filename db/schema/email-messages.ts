import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const EMAIL_TEMPLATES = ["key-rotated", "key-revoked", "key-expired"] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export const EMAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

// The outbox: one row per notification, written in the transaction of the event it tells.
export const emailMessages = pgTable(
  "email_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    recipient: text("recipient").notNull(),
    template: text("template").$type<EmailTemplate>().notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    // Makes "one email per event" a database fact (for example "key-expired:<keyId>").
    dedupeKey: text("dedupe_key").notNull(),
    status: text("status").$type<EmailStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    // Rendered once when sent, so the mailbox shows exactly what went out.
    subject: text("subject"),
    html: text("html"),
    text: text("text"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("email_messages_dedupe_idx").on(t.dedupeKey),
    // Reconcile finds rows never sent; the mailbox lists a transport's deliveries.
    index("email_messages_status_created_idx").on(t.status, t.createdAt),
  ],
);
