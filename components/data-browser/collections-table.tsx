import { CollectionFacts } from "@/components/collections/collection-facts";
import { cx } from "@/components/ui/class-names";
import { TextLink } from "@/components/ui/text-link";
import type { CollectionSummary } from "@/db/collections";
import { collectionPath } from "./data-paths";

/** A project's collections, each linking to its documents. */
export function CollectionsTable({ collections }: { collections: CollectionSummary[] }) {
  return (
    <ul className="divide-y divide-slate-200">
      {collections.map((collection) => (
        <li
          key={collection.id}
          className={cx(
            "flex flex-col gap-1 py-3 first:pt-0 last:pb-0",
            "sm:flex-row sm:items-baseline sm:justify-between",
          )}
        >
          <div className="min-w-0">
            <TextLink href={collectionPath(collection.projectId, collection.name)}>
              {collection.name}
            </TextLink>
            <code className="ml-2 font-mono text-xs text-slate-600">
              /api/data/{collection.name}
            </code>
          </div>
          <CollectionFacts collection={collection} />
        </li>
      ))}
    </ul>
  );
}
