import type { ReactNode } from "react";
import { cx } from "./class-names";

export type AlertTone = "error" | "warning" | "info" | "success";

const TONES: Record<AlertTone, string> = {
  error: "border-red-200 bg-red-50 text-red-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  info: "border-sky-200 bg-sky-50 text-sky-950",
  success: "border-emerald-200 bg-emerald-50 text-emerald-950",
};

type AlertProps = { tone: AlertTone; title?: string; className?: string; children?: ReactNode };

/** A boxed message. Errors are announced as soon as they appear; the rest are read in place. */
export function Alert({ tone, title, className, children }: AlertProps) {
  return (
    <div
      role={tone === "error" ? "alert" : undefined}
      className={cx("rounded-md border px-4 py-3 text-sm", TONES[tone], className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
