import Link from "next/link";
import type { ComponentProps } from "react";
import { cx, FOCUS_RING } from "./class-names";

/** An inline link inside running text: underlined, so it does not rely on colour alone. */
export function TextLink({ className, ...rest }: ComponentProps<typeof Link>) {
  return (
    <Link
      {...rest}
      className={cx(
        "rounded-sm font-medium text-slate-900 underline underline-offset-2",
        "hover:text-slate-700",
        FOCUS_RING,
        className,
      )}
    />
  );
}
