import { sql } from "drizzle-orm";
import type { Executor } from "./client";

export type KeyUsageSnapshot = {
  projectId: string;
  keyId: string;
  lastUsedAt: Date | null;
  requestsLastHour: number;
  flushedAt: Date;
};

/**
 * Writes the usage of many keys in one statement, each at most about once a minute (the
 * caller holds each key's flush claim). `last_used_at` only moves forward, whichever
 * instance writes. Returns how many keys were written.
 */
export async function writeKeyUsages(db: Executor, usages: KeyUsageSnapshot[]): Promise<number> {
  if (usages.length === 0) return 0;

  const records = usages.map((u) => ({
    key_id: u.keyId,
    project_id: u.projectId,
    last_used_at: u.lastUsedAt?.toISOString() ?? null,
    requests_last_hour: u.requestsLastHour,
    flushed_at: u.flushedAt.toISOString(),
  }));
  const rows = await db.execute<{ id: string }>(sql`
    update api_keys k set
      last_used_at = greatest(k.last_used_at, u.last_used_at),
      requests_last_hour = u.requests_last_hour,
      usage_flushed_at = u.flushed_at
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as u(
      key_id uuid, project_id uuid, last_used_at timestamptz, requests_last_hour int,
      flushed_at timestamptz)
    where k.id = u.key_id and k.project_id = u.project_id
    returning k.id`);
  return rows.length;
}
