"use client";

import { formatCountdown } from "@/lib/settings/countdown";

/**
 * Time left until a key stops working, updated every second by the page clock. A timer is
 * not announced as it changes (aria-live off), so screen readers read it only on request.
 */
export function Countdown({ expiresAt, now }: { expiresAt: string; now: number }) {
  return (
    <span role="timer" aria-live="off" className="font-mono tabular-nums">
      {formatCountdown(Date.parse(expiresAt), now)}
    </span>
  );
}
