import { formatDistance } from "date-fns";

/** "3 minutes ago", or null for a key never used. */
export function lastUsedText(lastUsedAt: Date | null, now: Date): string | null {
  if (!lastUsedAt) return null;
  // A clock a little ahead on another instance must not read as "in a few seconds".
  const moment = lastUsedAt > now ? now : lastUsedAt;
  return formatDistance(moment, now, { addSuffix: true });
}

export function requestCountText(requests: number): string {
  return `${requests} ${requests === 1 ? "request" : "requests"} in the last hour`;
}

/** The whole line: "last used 3 minutes ago · 120 requests in the last hour". */
export function describeKeyUsage(
  usage: { lastUsedAt: Date | null; requestsLastHour: number },
  now: Date,
): string {
  const lastUsed = lastUsedText(usage.lastUsedAt, now);
  const first = lastUsed ? `last used ${lastUsed}` : "never used";
  return `${first} · ${requestCountText(usage.requestsLastHour)}`;
}
