import type { ReactNode } from "react";
import { cx } from "./class-names";
import { CopyButton } from "./copy-button";

type CopyableValueProps = {
  label: string;
  value: string;
  /** What the copy button copies, for screen readers: "publishable key". */
  what: string;
  hint?: ReactNode;
  className?: string;
};

/** A value shown in full (a key, a URL, a command) with a button that copies it. */
export function CopyableValue({ label, value, what, hint, className }: CopyableValueProps) {
  return (
    <div className={cx("space-y-1.5", className)}>
      <p className="text-sm font-medium text-slate-900">{label}</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          className={cx(
            "block min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2",
            "font-mono text-sm break-all text-slate-900 select-all",
          )}
        >
          {value}
        </code>
        <CopyButton value={value} what={what} className="self-start sm:self-auto" />
      </div>
      {hint ? <div className="text-sm text-slate-600">{hint}</div> : null}
    </div>
  );
}
