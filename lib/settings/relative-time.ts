const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "always" });

/**
 * "just now", "4 minutes ago", "3 hours ago", "12 days ago": how long ago a moment was, in
 * the largest whole unit. A moment slightly in the future (clocks a second apart) reads as
 * "just now" rather than as a future time. Whole minutes up to the hour, unlike the rounded
 * "about 1 hour ago" of lib/usage: the revoke warning's line is one hour, and a use 45
 * minutes ago must not read like one 61 minutes ago.
 */
export function formatTimeAgo(at: Date, now: Date): string {
  const elapsed = now.getTime() - at.getTime();
  if (elapsed < MINUTE_MS) return "just now";
  if (elapsed < HOUR_MS) return RELATIVE.format(-Math.floor(elapsed / MINUTE_MS), "minute");
  if (elapsed < DAY_MS) return RELATIVE.format(-Math.floor(elapsed / HOUR_MS), "hour");
  return RELATIVE.format(-Math.floor(elapsed / DAY_MS), "day");
}

/** The "Last used" value of a key: "Never" when no request ever carried it. */
export function formatLastUsed(lastUsedAt: Date | null, now: Date): string {
  return lastUsedAt ? formatTimeAgo(lastUsedAt, now) : "Never";
}
