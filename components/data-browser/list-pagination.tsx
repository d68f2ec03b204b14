import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

type ListPaginationProps = {
  page: number;
  pageCount: number;
  total: number;
  /** "document" / "documents": what the list counts. */
  noun: { one: string; many: string };
  hrefFor: (page: number) => string;
};

/** Previous and next links for a dashboard list, with where the reader is. */
export function ListPagination({ page, pageCount, total, noun, hrefFor }: ListPaginationProps) {
  const style = buttonClassName({ variant: "secondary", size: "sm" });
  const disabled = `${style} pointer-events-none opacity-50`;
  const link = (target: number, label: string, rel: "prev" | "next", enabled: boolean) =>
    enabled ? (
      <Link href={hrefFor(target)} className={style} rel={rel}>
        {label}
      </Link>
    ) : (
      <span className={disabled} aria-disabled="true">
        {label}
      </span>
    );

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600">
        Page {page} of {pageCount} · {total} {total === 1 ? noun.one : noun.many}
      </p>
      <div className="flex gap-2">
        {link(page - 1, "Previous", "prev", page > 1)}
        {link(page + 1, "Next", "next", page < pageCount)}
      </div>
    </nav>
  );
}
