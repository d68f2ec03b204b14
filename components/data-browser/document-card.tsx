import { DateTime } from "@/components/ui/date-time";
import type { StoredDocument } from "@/db/documents";
import { JsonView } from "./json-view";

/** One document: its `_id`, when it was written, and its fields as JSON. */
export function DocumentCard({ document }: { document: StoredDocument }) {
  const headingId = `document-${document.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <h2 id={headingId} className="min-w-0 font-mono text-sm font-semibold break-all">
          <span className="sr-only">Document </span>
          {document.id}
        </h2>
        <p className="text-xs text-slate-600">
          Created <DateTime value={document.createdAt} />
          {document.updatedAt.getTime() !== document.createdAt.getTime() ? (
            <>
              {" · updated "}
              <DateTime value={document.updatedAt} />
            </>
          ) : null}
        </p>
      </div>
      <JsonView value={{ _id: document.id, ...document.data }} />
    </article>
  );
}
