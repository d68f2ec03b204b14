/** Requests seen for one key since the last push to Redis. */
export type PendingUsage = {
  keyId: string;
  projectId: string;
  count: number;
  lastUsedAtMs: number;
};

/**
 * Counts requests per key in memory, so that the hot path never waits on Redis or Postgres.
 * A push takes the whole batch; a failed push puts it back to be merged with newer counts.
 */
export class UsageBuffer {
  private pending = new Map<string, PendingUsage>();

  record(keyId: string, projectId: string, nowMs: number): void {
    const usage = this.pending.get(keyId);
    if (usage) {
      usage.count += 1;
      usage.lastUsedAtMs = Math.max(usage.lastUsedAtMs, nowMs);
      return;
    }
    this.pending.set(keyId, { keyId, projectId, count: 1, lastUsedAtMs: nowMs });
  }

  take(): PendingUsage[] {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    return batch;
  }

  putBack(batch: PendingUsage[]): void {
    for (const usage of batch) {
      const newer = this.pending.get(usage.keyId);
      if (!newer) {
        this.pending.set(usage.keyId, usage);
        continue;
      }
      newer.count += usage.count;
      newer.lastUsedAtMs = Math.max(newer.lastUsedAtMs, usage.lastUsedAtMs);
    }
  }

  get size(): number {
    return this.pending.size;
  }
}
