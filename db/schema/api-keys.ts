import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { projects } from "./projects";

export const apiKeyType = pgEnum("api_key_type", ["publishable", "secret"]);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    type: apiKeyType("type").notNull(),
    // SHA-256 of the full key, hex. The key itself is never stored.
    hash: text("hash").notNull(),
    // The full publishable key, which is public by design so the dashboard can show it
    // again. Always null for secret keys (a check constraint makes sure).
    publicValue: text("public_value"),
    prefix: text("prefix").notNull(),
    lastFour: text("last_four").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // When a successor replaced this key (the Deprecation header's date).
    deprecatedAt: timestamp("deprecated_at", { withTimezone: true }),
    // Null while the key is current; verification refuses the key from this instant on.
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // Set once by whoever finishes the key's end of life (cleanup job, reconcile or early
    // revoke), so that the expiry audit event and email happen exactly once.
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    requestsLastHour: integer("requests_last_hour").notNull().default(0),
    usageFlushedAt: timestamp("usage_flushed_at", { withTimezone: true }),
  },
  (t) => [
    check(
      "api_keys_public_value_only_publishable",
      sql`${t.publicValue} is null or ${t.type} = 'publishable'`,
    ),
    // Verification looks keys up by hash.
    uniqueIndex("api_keys_hash_idx").on(t.hash),
    // Exactly one current key per project and type, enforced by the database.
    uniqueIndex("api_keys_one_current_per_type_idx")
      .on(t.projectId, t.type)
      .where(sql`${t.expiresAt} is null and ${t.revokedAt} is null`),
    // The settings panel lists a project's keys; rotation finds the current one.
    index("api_keys_project_type_idx").on(t.projectId, t.type),
    // Reconcile scans for keys whose grace ended without being retired.
    index("api_keys_pending_retire_idx")
      .on(t.expiresAt)
      .where(sql`${t.retiredAt} is null and ${t.expiresAt} is not null`),
  ],
);
