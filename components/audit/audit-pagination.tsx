import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

type AuditPaginationProps = {
  page: number;
  pageCount: number;
  total: number;
  /** The page's URL for a page number, keeping the filter. */
  hrefFor: (page: number) => string;
};

export function AuditPagination({ page, pageCount, total, hrefFor }: AuditPaginationProps) {
  const style = buttonClassName({ variant: "secondary", size: "sm" });
  const disabled = `${style} pointer-events-none opacity-50`;

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600">
        Page {page} of {pageCount} · {total} {total === 1 ? "event" : "events"}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={style} rel="prev">
            Newer
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            Newer
          </span>
        )}
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} className={style} rel="next">
            Older
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            Older
          </span>
        )}
      </div>
    </nav>
  );
}
