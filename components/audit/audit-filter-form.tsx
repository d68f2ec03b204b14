import { buttonClassName } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import type { AuditAction } from "@/db/schema";
import { AUDIT_ACTION_OPTIONS } from "@/lib/audit/audit-actions";

type AuditFilterFormProps = { action: AuditAction | undefined };

/** A plain GET form: filtering works without JavaScript and the URL can be shared. */
export function AuditFilterForm({ action }: AuditFilterFormProps) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter events">
      <div className="space-y-1.5">
        <label htmlFor="audit-action" className="block text-sm font-medium text-slate-900">
          Action
        </label>
        <select
          id="audit-action"
          name="action"
          defaultValue={action ?? ""}
          className={cx(
            "block h-10 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900",
            "shadow-sm focus:border-slate-900 focus:outline-2 focus:outline-slate-900/20",
          )}
        >
          <option value="">All actions</option>
          {AUDIT_ACTION_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClassName({ variant: "secondary" })}>
        Filter
      </button>
    </form>
  );
}
