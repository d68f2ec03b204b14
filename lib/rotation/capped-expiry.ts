/**
 * When a key that is being replaced at `now` stops working: `now + graceSeconds`, unless the
 * key already stops earlier. A rotation may shorten a key's life, never lengthen it.
 */
export function cappedExpiry(current: Date | null, now: Date, graceSeconds: number): Date {
  if (!Number.isSafeInteger(graceSeconds) || graceSeconds < 0) {
    throw new RangeError(`grace must be a whole number of seconds >= 0, got ${graceSeconds}`);
  }

  const candidate = new Date(now.getTime() + graceSeconds * 1000);
  if (current && current.getTime() < candidate.getTime()) return current;
  return candidate;
}
