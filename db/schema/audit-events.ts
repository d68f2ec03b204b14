import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { apiKeyType } from "./api-keys";

export const AUDIT_ACTIONS = [
  "project.created",
  "api_key.created",
  "api_key.rotated",
  "api_key.revoked",
  "api_key.expired",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// Append-only: a trigger in the migrations refuses UPDATE and DELETE. project_id has no
// foreign key on purpose, so that a project's history outlives the project.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    projectId: uuid("project_id").notNull(),
    action: text("action").$type<AuditAction>().notNull(),
    actorType: text("actor_type").$type<"developer" | "system">().notNull(),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    keyId: uuid("key_id"),
    keyType: apiKeyType("key_type"),
    keyPrefix: text("key_prefix"),
    keyLastFour: text("key_last_four"),
    graceSeconds: integer("grace_seconds"),
    keyExpiresAt: timestamp("key_expires_at", { withTimezone: true }),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The audit page: a project's events newest first, optionally by action.
    index("audit_events_project_created_idx").on(t.projectId, t.createdAt),
    index("audit_events_project_action_created_idx").on(t.projectId, t.action, t.createdAt),
  ],
);
