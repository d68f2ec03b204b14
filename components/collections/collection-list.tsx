import type { CollectionSummary } from "@/db/collections";
import { CollectionFacts } from "./collection-facts";

/** A project's collections with their document counts and API paths. */
export function CollectionList({ collections }: { collections: CollectionSummary[] }) {
  if (collections.length === 0) {
    return <p className="text-sm text-slate-600">No collections yet: create the first below.</p>;
  }

  return (
    <ul className="divide-y divide-slate-200">
      {collections.map((collection) => (
        <li
          key={collection.id}
          className="flex flex-wrap items-baseline justify-between gap-2 py-3"
        >
          <div className="min-w-0">
            <p className="font-medium break-words text-slate-900">{collection.name}</p>
            <code className="font-mono text-xs text-slate-600">/api/data/{collection.name}</code>
          </div>
          <CollectionFacts collection={collection} />
        </li>
      ))}
    </ul>
  );
}
