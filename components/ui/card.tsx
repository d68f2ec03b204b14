import type { ReactNode } from "react";
import { cx } from "./class-names";

type CardProps = {
  title?: string;
  description?: ReactNode;
  /** Buttons or links at the right of the title. */
  actions?: ReactNode;
  /** Heading id, so that the card's section can be named by its title. */
  titleId?: string;
  className?: string;
  children?: ReactNode;
};

export function Card({ title, description, actions, titleId, className, children }: CardProps) {
  const hasHeader = Boolean(title || description || actions);
  return (
    <section
      aria-labelledby={title ? titleId : undefined}
      className={cx("rounded-lg border border-slate-200 bg-white shadow-sm", className)}
    >
      {hasHeader ? (
        <div
          className={cx(
            "flex flex-wrap items-start justify-between gap-3",
            "border-b border-slate-200 px-4 py-4 sm:px-6",
          )}
        >
          <div className="min-w-0 space-y-1">
            {title ? (
              <h2 id={titleId} className="text-base font-semibold text-slate-900">
                {title}
              </h2>
            ) : null}
            {description ? <div className="text-sm text-slate-600">{description}</div> : null}
          </div>
          {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
        </div>
      ) : null}
      <div className="px-4 py-4 sm:px-6 sm:py-5">{children}</div>
    </section>
  );
}
