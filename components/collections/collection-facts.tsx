import { DateTime } from "@/components/ui/date-time";
import type { CollectionSummary } from "@/db/collections";

/** How many documents a collection holds and when it was made, the same wherever it is listed. */
export function CollectionFacts({ collection }: { collection: CollectionSummary }) {
  return (
    <p className="text-sm text-slate-600">
      {collection.documentCount === 1 ? "1 document" : `${collection.documentCount} documents`}
      {" · created "}
      <DateTime value={collection.createdAt} />
    </p>
  );
}
