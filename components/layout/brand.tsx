import Link from "next/link";
import { cx, FOCUS_RING } from "@/components/ui/class-names";

/** The product mark and name, linking home. */
export function Brand({ className }: { className?: string }) {
  return (
    <Link
      href="/"
      className={cx(
        "inline-flex items-center gap-2 rounded-md font-semibold text-slate-900",
        FOCUS_RING,
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6">
        <rect width="24" height="24" rx="6" className="fill-slate-900" />
        <circle cx="9" cy="12" r="3.25" fill="none" stroke="white" strokeWidth="2" />
        <path d="M12.25 12H19m-2.5 0v2.75" stroke="white" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span>Rekey</span>
    </Link>
  );
}
