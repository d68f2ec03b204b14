import { cx } from "@/components/ui/class-names";
import { type JsonTokenKind, jsonTokens } from "@/lib/data-browser/json-tokens";

// Every colour keeps a 4.5:1 contrast on the slate-50 background.
const KIND_CLASSES: Record<JsonTokenKind, string | undefined> = {
  key: "text-slate-900 font-semibold",
  string: "text-emerald-800",
  number: "text-sky-800",
  literal: "text-violet-800",
  plain: undefined,
};

type JsonViewProps = { value: unknown; className?: string };

/**
 * A JSON value, indented and coloured by kind. Long lines wrap instead of scrolling, so the
 * whole document reads on a phone without a scroll area to reach by keyboard.
 */
export function JsonView({ value, className }: JsonViewProps) {
  return (
    <pre
      className={cx(
        "rounded-md border border-slate-200 bg-slate-50 p-3",
        "font-mono text-[13px] leading-relaxed whitespace-pre-wrap wrap-anywhere text-slate-700",
        className,
      )}
    >
      <code>
        {jsonTokens(value).map((token, index) => (
          // Tokens have no identity beyond their position in this one rendering.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
          <span key={index} className={KIND_CLASSES[token.kind]}>
            {token.text}
          </span>
        ))}
      </code>
    </pre>
  );
}
