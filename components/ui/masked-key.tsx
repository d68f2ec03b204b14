import { cx } from "./class-names";

type MaskedKeyProps = { prefix: string; lastFour: string; className?: string };

/**
 * A key the dashboard no longer knows in full: `sk_live_…abcd`, the shape maskKey() gives.
 * Written out here rather than imported because the key module loads node:crypto, which
 * must not reach components that also render in the browser.
 */
export function MaskedKey({ prefix, lastFour, className }: MaskedKeyProps) {
  return (
    <code
      title="Only the prefix and the last four characters are kept for display"
      className={cx(
        "inline-block rounded-md border border-slate-200 bg-slate-50 px-2 py-1",
        "font-mono text-sm text-slate-900",
        className,
      )}
    >
      {`${prefix}…${lastFour}`}
    </code>
  );
}
