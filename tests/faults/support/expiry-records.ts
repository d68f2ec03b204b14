import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** What the end of one key's life left behind; exactly one of each is the guarantee. */
export type ExpiryRecord = {
  keyId: string;
  retired: boolean;
  expiredEvents: number;
  expiryEmails: number;
};

export async function expiryRecords(db: Database, keyIds: string[]): Promise<ExpiryRecord[]> {
  const rows = await db.execute<{
    key_id: string;
    retired: boolean;
    expired_events: number;
    expiry_emails: number;
  }>(sql`
    with wanted as (select unnest(${`{${keyIds.join(",")}}`}::uuid[]) as id),
    events as (
      select key_id, count(*)::int as n from audit_events
      where action = 'api_key.expired' and key_id in (select id from wanted) group by key_id
    ),
    emails as (
      select dedupe_key, count(*)::int as n from email_messages
      where dedupe_key in (select 'key-expired:' || id from wanted) group by dedupe_key
    )
    select k.id as key_id, k.retired_at is not null as retired,
      coalesce(e.n, 0) as expired_events, coalesce(m.n, 0) as expiry_emails
    from api_keys k
    join wanted w on w.id = k.id
    left join events e on e.key_id = k.id
    left join emails m on m.dedupe_key = 'key-expired:' || k.id
    order by k.id
  `);
  return rows.map((row) => ({
    keyId: row.key_id,
    retired: row.retired,
    expiredEvents: row.expired_events,
    expiryEmails: row.expiry_emails,
  }));
}

/** How many of `keyIds` have been retired so far. */
export async function retiredCount(db: Database, keyIds: string[]): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from api_keys
    where id = any(${`{${keyIds.join(",")}}`}::uuid[]) and retired_at is not null
  `);
  return row?.n ?? 0;
}
