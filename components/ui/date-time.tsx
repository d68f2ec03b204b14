const FORMAT = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A moment, written the same way on every page. The server renders it, so in UTC. */
export function DateTime({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{`${FORMAT.format(value)} UTC`}</time>;
}
