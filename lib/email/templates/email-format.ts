import { formatDistanceStrict } from "date-fns";
import { GRACE_PERIODS } from "@/lib/rotation/grace-periods";

/** `2026-12-03 13:00:05 UTC`: the same for every reader, whatever their time zone. */
export function formatUtc(iso: string | Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** `in 24 hours`, `5 minutes ago`, or `now`, measured from the moment of rendering. */
export function formatRelative(iso: string | Date, now: Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Math.abs(date.getTime() - now.getTime()) < 1000) return "now";
  return formatDistanceStrict(date, now, { addSuffix: true });
}

/** Both at once, as emails show times: `2026-12-03 13:00:05 UTC (in 24 hours)`. */
export function formatWhen(iso: string | Date, now: Date): string {
  return `${formatUtc(iso)} (${formatRelative(iso, now)})`;
}

const UNITS: [seconds: number, name: string][] = [
  [24 * 60 * 60, "day"],
  [60 * 60, "hour"],
  [60, "minute"],
  [1, "second"],
];

/** A grace period in words: `24 hours`, `7 days`, `none (revoked at once)`, `90 minutes`. */
export function describeGrace(seconds: number): string {
  if (seconds === 0) return "none (revoked at once)";

  const offered = GRACE_PERIODS.find((period) => period.seconds === seconds);
  if (offered) return offered.label;

  // The largest unit that divides the period exactly.
  const [size, name] = UNITS.find(([unit]) => seconds % unit === 0) ?? [1, "second"];
  const count = seconds / size;
  return `${count} ${name}${count === 1 ? "" : "s"}`;
}

export function keyTypeLabel(type: "publishable" | "secret"): string {
  return type === "secret" ? "Secret key" : "Publishable key";
}

/** Absolute links into the dashboard; sign-in brings a signed-out reader back to them. */
export function projectLinks(appUrl: string, projectId: string) {
  const base = `${appUrl.replace(/\/+$/, "")}/projects/${encodeURIComponent(projectId)}`;
  return { settings: `${base}/settings`, audit: `${base}/audit` };
}
