"use client";

import { useSyncExternalStore } from "react";
import { formatLocalDateTime, type LocalTimeStyle } from "@/lib/settings/local-time";

const UTC = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

const noSubscription = () => () => {};

/** False while the server renders and while the browser hydrates; true afterwards. */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A moment in the viewer's own time zone. The server cannot know that zone, so its HTML
 * says UTC, and the browser swaps in local time as soon as it takes over.
 */
export function LocalDateTime({ value, style }: { value: string; style?: LocalTimeStyle }) {
  const inBrowser = useInBrowser();
  const at = new Date(value);
  const text = inBrowser ? formatLocalDateTime(at, { style }) : `${UTC.format(at)} UTC`;
  return <time dateTime={value}>{text}</time>;
}
