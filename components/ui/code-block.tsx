import { cx } from "./class-names";
import { CopyButton } from "./copy-button";

type CodeBlockProps = {
  code: string;
  /** What the copy button copies, for screen readers: "read command". */
  what: string;
  className?: string;
};

/** A snippet to paste somewhere else. Long lines wrap rather than scroll on narrow screens. */
export function CodeBlock({ code, what, className }: CodeBlockProps) {
  return (
    <div className={cx("rounded-md border border-slate-200 bg-slate-50", className)}>
      <pre
        className={cx(
          "px-3 pt-3 font-mono text-[13px] leading-relaxed text-slate-900",
          "whitespace-pre-wrap wrap-anywhere",
        )}
      >
        <code>{code}</code>
      </pre>
      <div className="flex justify-end px-2 pb-2">
        <CopyButton value={code} what={what} />
      </div>
    </div>
  );
}
