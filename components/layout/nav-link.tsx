"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx, FOCUS_RING } from "@/components/ui/class-names";

type NavLinkProps = {
  href: string;
  /** Whether sub-pages of `href` also count as being on it. */
  matchNested: boolean;
  children: string;
};

/** A tab-like link that marks itself as the current page. */
export function NavLink({ href, matchNested, children }: NavLinkProps) {
  const pathname = usePathname();
  const current = pathname === href || (matchNested && pathname.startsWith(`${href}/`));

  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cx(
        "-mb-px inline-flex h-10 items-center border-b-2 px-1 text-sm font-medium",
        "rounded-t-sm whitespace-nowrap",
        FOCUS_RING,
        current
          ? "border-slate-900 text-slate-900"
          : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
      )}
    >
      {children}
    </Link>
  );
}
