/**
 * How much of a moment to write: `full` for the one time that matters in a sentence ("valid
 * until"), `dated` for records (created at), `brief` next to a choice whose sentence already
 * names the zone.
 */
export type LocalTimeStyle = "full" | "dated" | "brief";

const STYLES: Record<LocalTimeStyle, Intl.DateTimeFormatOptions> = {
  full: {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZoneName: "short",
  },
  dated: { day: "numeric", month: "short", year: "numeric", timeZoneName: "short" },
  brief: { weekday: "short", day: "numeric", month: "short" },
};

type LocalTimeOptions = {
  style?: LocalTimeStyle;
  /** The viewer's locale; undefined lets the browser choose. */
  locale?: string;
  /** The viewer's time zone; undefined means the browser's own. */
  timeZone?: string;
};

/**
 * "Tue, 3 Mar 2026, 14:32 CET": a moment in the viewer's own time zone, so that an owner
 * reading "valid until" never has to convert from UTC.
 */
export function formatLocalDateTime(at: Date, options: LocalTimeOptions = {}): string {
  const { style = "full", locale, timeZone } = options;
  return new Intl.DateTimeFormat(locale, {
    ...STYLES[style],
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(at);
}
