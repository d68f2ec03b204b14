import type { ReactNode } from "react";
import { cx, FOCUS_RING } from "./class-names";

type ScrollableTableProps = {
  /** Names the scrolling region for screen readers, like "Audit events". */
  label: string;
  headers: readonly string[];
  /** The body's rows (`<tr>`), one per record. */
  children: ReactNode;
};

/**
 * A table in a card that scrolls sideways on narrow screens. The card takes keyboard focus
 * so that the columns out of view can be reached with the arrow keys.
 */
export function ScrollableTable({ label, headers, children }: ScrollableTableProps) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the table with it
      tabIndex={0}
      className={cx(
        "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm",
        FOCUS_RING,
      )}
    >
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <thead className="bg-slate-50">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-semibold text-slate-900">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </section>
  );
}
