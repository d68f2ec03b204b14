import { listRecentEventTimes } from "@/db/audit-events";
import type { Executor } from "@/db/client";
import { RotationError } from "./rotation-result";

export const ROTATIONS_PER_HOUR = 10;
const WINDOW_MS = 60 * 60 * 1000;

/** "in 42 minutes", "in 1 minute", "in 20 seconds": how the wait is told. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `in ${seconds} ${seconds === 1 ? "second" : "seconds"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/**
 * Refuses a rotation when the project already had ROTATIONS_PER_HOUR of them in the last
 * hour. The audit trail is the counter: it is written in the rotation's own transaction and
 * read with the project locked, so concurrent rotations count each other exactly.
 */
export async function assertRotationAllowed(
  tx: Executor,
  projectId: string,
  now: Date,
): Promise<void> {
  const times = await listRecentEventTimes(tx, {
    projectId,
    action: "api_key.rotated",
    since: new Date(now.getTime() - WINDOW_MS),
    limit: ROTATIONS_PER_HOUR,
  });
  const oldestCounted = times[ROTATIONS_PER_HOUR - 1];
  if (!oldestCounted) return;

  // A slot frees up when the oldest of the last ROTATIONS_PER_HOUR rotations is an hour old.
  const waitMs = oldestCounted.getTime() + WINDOW_MS - now.getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  throw new RotationError(
    "rate_limited",
    `This project's keys were rotated ${ROTATIONS_PER_HOUR} times in the last hour, the most ` +
      `allowed. You can rotate again ${describeWait(retryAfterSeconds)}.`,
    retryAfterSeconds,
  );
}
