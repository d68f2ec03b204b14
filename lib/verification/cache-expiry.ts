/** How long a verified key may be served from memory before Postgres is asked again. */
export const MAX_CACHE_TTL_MS = 5_000;

/**
 * The lifetime of a cache entry: a few seconds, and never past the key's expiry, so that a
 * key in grace is looked up again as it dies. A key that is already expired or revoked is
 * final (nothing brings a key back), so its rejection may be cached for the full time.
 */
export function cacheTtlMs(
  nowMs: number,
  key: { expiresAtMs: number | null; revokedAtMs: number | null },
  maxTtlMs = MAX_CACHE_TTL_MS,
): number {
  if (key.revokedAtMs !== null) return maxTtlMs;
  if (key.expiresAtMs === null) return maxTtlMs;

  const untilExpiry = key.expiresAtMs - nowMs;
  if (untilExpiry <= 0) return maxTtlMs;
  return Math.min(maxTtlMs, untilExpiry);
}
