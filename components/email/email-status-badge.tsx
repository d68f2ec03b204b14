import { cx } from "@/components/ui/class-names";
import type { EmailStatus } from "@/db/schema";

const TONES: Record<EmailStatus, string> = {
  pending: "border-slate-300 bg-slate-50 text-slate-700",
  sending: "border-sky-200 bg-sky-50 text-sky-900",
  sent: "border-emerald-200 bg-emerald-50 text-emerald-900",
  failed: "border-red-200 bg-red-50 text-red-900",
};

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium",
        TONES[status],
      )}
    >
      {status}
    </span>
  );
}
