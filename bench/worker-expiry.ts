/**
 * The worker at scale: 10,000 keys in grace whose grace ends in the same instant, each with
 * the cleanup job its rotation would have enqueued. How long until every one is retired and
 * audited, and whether any audit event or email happened twice.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { enqueueCleanups } from "@/workers/key-rotation-cleanup/cleanup.queue";
import { sleep } from "./samples";

export type WorkerFigures = {
  keys: number;
  retiredAndAuditedAfterMs: number | null;
  emailsSentAfterMs: number | null;
  duplicateAuditEvents: number;
  duplicateEmails: number;
  emailsSentTwice: number;
};

const LEAD_MS = 20_000;
const GIVE_UP_MS = 240_000;

/** Grace keys on `projects` (whose owner gets the emails), all expiring at one instant. */
async function expiringKeys(db: Database, projectIds: string[], count: number) {
  const nonce = randomUUID();
  const rows = await db.execute<{ id: string; project_id: string; expires_at: string }>(sql`
    insert into api_keys (project_id, type, hash, prefix, last_four, deprecated_at, expires_at)
    select p.id, 'secret', encode(sha256(convert_to(${nonce} || g, 'UTF8')), 'hex'),
      'sk_live_', lpad((g % 10000)::text, 4, '0'), now(),
      now() + ${`${LEAD_MS} milliseconds`}::interval
    from generate_series(0, ${count - 1}) as g
    join unnest(${`{${projectIds.join(",")}}`}::uuid[]) with ordinality as p(id, i)
      on p.i = g % ${projectIds.length} + 1
    returning id, project_id, expires_at`);
  const targets = rows.map((row) => ({
    keyId: row.id,
    projectId: row.project_id,
    expiresAt: new Date(row.expires_at),
  }));
  for (let at = 0; at < targets.length; at += 1_000) {
    await enqueueCleanups(targets.slice(at, at + 1_000));
  }
  return { expiresAt: new Date(rows[0]?.expires_at ?? 0).getTime() };
}

type Progress = { retired: number; events: number; sent: number };

// The projects are the seeded cold ones: these keys are the only ones of theirs that expire.
async function progress(db: Database, projectIds: string[]): Promise<Progress> {
  const list = `{${projectIds.join(",")}}`;
  const [row] = await db.execute<Progress>(sql`
    select
      (select count(*)::int from api_keys where project_id = any(${list}::uuid[])
        and expires_at is not null and retired_at is not null) as retired,
      (select count(*)::int from audit_events where project_id = any(${list}::uuid[])
        and action = 'api_key.expired') as events,
      (select count(*)::int from email_messages where project_id = any(${list}::uuid[])
        and template = 'key-expired' and status = 'sent') as sent`);
  return row ?? { retired: 0, events: 0, sent: 0 };
}

async function duplicates(db: Database, projectIds: string[]) {
  const list = `{${projectIds.join(",")}}`;
  const [row] = await db.execute<{ events: number; emails: number; twice: number }>(sql`
    select
      (select count(*)::int from (select key_id from audit_events
        where project_id = any(${list}::uuid[]) and action = 'api_key.expired'
        group by key_id having count(*) > 1) d) as events,
      (select count(*)::int from (select dedupe_key from email_messages
        where project_id = any(${list}::uuid[]) and template = 'key-expired'
        group by dedupe_key having count(*) > 1) d) as emails,
      (select count(*)::int from email_messages where project_id = any(${list}::uuid[])
        and template = 'key-expired' and attempts > 1) as twice`);
  return row ?? { events: -1, emails: -1, twice: -1 };
}

export async function workerExpiry(
  db: Database,
  projectIds: string[],
  count: number,
): Promise<WorkerFigures> {
  const { expiresAt } = await expiringKeys(db, projectIds, count);
  let retiredAt: number | null = null;
  let sentAt: number | null = null;
  while (Date.now() - expiresAt < GIVE_UP_MS && sentAt === null) {
    await sleep(250);
    const now = await progress(db, projectIds);
    if (retiredAt === null && now.retired === count && now.events === count) retiredAt = Date.now();
    if (now.sent === count) sentAt = Date.now();
  }
  const found = await duplicates(db, projectIds);
  return {
    keys: count,
    retiredAndAuditedAfterMs: retiredAt === null ? null : retiredAt - expiresAt,
    emailsSentAfterMs: sentAt === null ? null : sentAt - expiresAt,
    duplicateAuditEvents: found.events,
    duplicateEmails: found.emails,
    emailsSentTwice: found.twice,
  };
}
