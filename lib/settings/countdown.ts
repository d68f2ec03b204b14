const SECOND_MS = 1000;
const UNITS = [
  { suffix: "d", seconds: 24 * 60 * 60 },
  { suffix: "h", seconds: 60 * 60 },
  { suffix: "m", seconds: 60 },
  { suffix: "s", seconds: 1 },
] as const;

/** What a countdown shows once its moment has passed. */
export const EXPIRED_LABEL = "Expired";

/** Whole seconds left, rounded up so that "1s" is shown until the very instant it ends. */
export function secondsLeft(expiresAtMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((expiresAtMs - nowMs) / SECOND_MS));
}

/**
 * "23h 59m 58s", "6d 23h 59m 58s", "42s": the time left, from the largest unit that is not
 * zero down to seconds, so that the text changes every second and never jumps in width by
 * more than a unit. "Expired" once nothing is left.
 */
export function formatCountdown(expiresAtMs: number, nowMs: number): string {
  let rest = secondsLeft(expiresAtMs, nowMs);
  if (rest === 0) return EXPIRED_LABEL;

  const parts: string[] = [];
  for (const unit of UNITS) {
    const amount = Math.floor(rest / unit.seconds);
    rest -= amount * unit.seconds;
    if (amount > 0 || parts.length > 0) parts.push(`${amount}${unit.suffix}`);
  }
  return parts.join(" ");
}
