import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

// Every table the public API could reach, whole. Key usage (last used, requests in the last
// hour) is meant to change with accepted requests, so those columns are left out.
const TABLES: Record<string, string> = {
  projects: "select * from projects",
  api_keys:
    "select id, project_id, type, hash, public_value, prefix, last_four, created_by, " +
    "created_at, deprecated_at, expires_at, revoked_at, retired_at from api_keys",
  collections: "select * from collections",
  documents: "select * from documents",
  end_users: "select * from end_users",
  end_user_sessions: "select * from end_user_sessions",
  audit_events: "select * from audit_events",
  email_messages: "select * from email_messages",
  user: 'select * from "user"',
  session: "select * from session",
  account: "select * from account",
};

export type DatabaseDigest = Record<string, { rows: number; md5: string }>;

/** Row count and a checksum of every row, per table: equal digests mean unchanged data. */
export async function databaseDigest(db: Database): Promise<DatabaseDigest> {
  const digest: DatabaseDigest = {};
  for (const [table, select] of Object.entries(TABLES)) {
    const [row] = await db.execute<{ rows: number; md5: string | null }>(
      sql.raw(
        `select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as md5 ` +
          `from (${select}) t`,
      ),
    );
    digest[table] = { rows: row?.rows ?? 0, md5: row?.md5 ?? "" };
  }
  return digest;
}
