import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "./client";
import { apiKeys } from "./schema";

export type KeyUsageSnapshot = {
  projectId: string;
  keyId: string;
  lastUsedAt: Date | null;
  requestsLastHour: number;
  flushedAt: Date;
};

/**
 * Writes one key's usage, at most about once a minute per key (the caller holds the flush
 * claim). `last_used_at` only moves forward, whichever instance writes.
 */
export async function writeKeyUsage(db: Executor, usage: KeyUsageSnapshot): Promise<boolean> {
  const lastUsedAt = usage.lastUsedAt
    ? sql`greatest(${apiKeys.lastUsedAt}, ${usage.lastUsedAt.toISOString()}::timestamptz)`
    : undefined;

  const rows = await db
    .update(apiKeys)
    .set({
      ...(lastUsedAt ? { lastUsedAt } : {}),
      requestsLastHour: usage.requestsLastHour,
      usageFlushedAt: usage.flushedAt,
    })
    .where(and(eq(apiKeys.id, usage.keyId), eq(apiKeys.projectId, usage.projectId)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
