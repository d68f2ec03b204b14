/**
 * The grace periods an owner can choose when rotating a key. The dialog, the action's schema
 * and the rotation itself all read this one table.
 */
export const GRACE_PERIODS = [
  { id: "immediately", label: "Immediately", seconds: 0 },
  { id: "1h", label: "1 hour", seconds: 60 * 60 },
  { id: "24h", label: "24 hours", seconds: 24 * 60 * 60 },
  { id: "7d", label: "7 days", seconds: 7 * 24 * 60 * 60 },
] as const;

export type GracePeriod = (typeof GRACE_PERIODS)[number];
export type GracePeriodId = GracePeriod["id"];

export const DEFAULT_GRACE_PERIOD: GracePeriodId = "24h";

export const GRACE_PERIOD_IDS = GRACE_PERIODS.map((p) => p.id) as [
  GracePeriodId,
  ...GracePeriodId[],
];

export function gracePeriod(id: GracePeriodId): GracePeriod {
  const period = GRACE_PERIODS.find((p) => p.id === id);
  if (!period) throw new Error(`unknown grace period ${id}`);
  return period;
}
