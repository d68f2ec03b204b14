import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

/**
 * The 404 text. It says the same for a page that does not exist and for one that belongs to
 * someone else, so that a 404 never confirms that a project id is real.
 */
export function NotFoundMessage() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <p className="text-sm font-semibold text-slate-600">404</p>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="text-slate-600">
        This page does not exist, or it belongs to an account other than yours.
      </p>
      <Link href="/projects" className={buttonClassName({ className: "mt-2" })}>
        Go to your projects
      </Link>
    </div>
  );
}
