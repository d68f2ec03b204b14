"use client";

import { cx, FOCUS_RING } from "@/components/ui/class-names";
import {
  DEFAULT_GRACE_PERIOD,
  GRACE_PERIODS,
  type GracePeriod,
  type GracePeriodId,
} from "@/lib/rotation/grace-periods";
import { formatLocalDateTime } from "@/lib/settings/local-time";

type GraceChoiceProps = {
  value: GracePeriodId;
  onChange: (value: GracePeriodId) => void;
  /** The page clock, for each choice's end time. */
  now: number;
  disabled: boolean;
};

function hintFor(period: GracePeriod, now: number): string {
  if (period.seconds === 0) return "Stops at once: for a key that leaked.";
  return `Until ${formatLocalDateTime(new Date(now + period.seconds * 1000), { style: "brief" })}`;
}

/** The grace periods, read from the one table the server also uses. */
export function GraceChoice({ value, onChange, now, disabled }: GraceChoiceProps) {
  return (
    <fieldset className="grid grid-cols-2 gap-2" disabled={disabled}>
      <legend className="mb-2 text-sm font-medium text-slate-900">
        Keep the current key working for
      </legend>
      {GRACE_PERIODS.map((period) => {
        const id = `grace-${period.id}`;
        return (
          <label
            key={period.id}
            htmlFor={id}
            className={cx(
              "flex cursor-pointer items-start gap-2.5 rounded-md border px-3 py-2.5",
              value === period.id ? "border-slate-900 bg-slate-50" : "border-slate-200",
            )}
          >
            <input
              id={id}
              type="radio"
              name="grace"
              value={period.id}
              checked={value === period.id}
              onChange={() => onChange(period.id)}
              aria-describedby={`${id}-hint`}
              className={cx("mt-0.5 size-4 shrink-0 accent-slate-900", FOCUS_RING)}
            />
            <span className="min-w-0 text-sm">
              <span className="font-medium text-slate-900">{period.label}</span>
              {period.id === DEFAULT_GRACE_PERIOD ? (
                <span className="ml-1.5 inline-block text-xs font-medium text-emerald-800">
                  Recommended
                </span>
              ) : null}
              <span id={`${id}-hint`} className="block text-slate-600">
                {hintFor(period, now)}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
