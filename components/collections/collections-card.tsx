import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listCollectionsForProject } from "@/db/collections";
import { CollectionList } from "./collection-list";
import { NewCollectionForm } from "./new-collection-form";

const DESCRIPTION =
  "Collections hold your JSON documents. Create one here, then read and write it through " +
  "the API.";

/** The project page's collections section; the page has checked the developer owns it. */
export async function CollectionsCard({ projectId }: { projectId: string }) {
  const collections = await listCollectionsForProject(getDb(), projectId);
  return (
    <Card title="Collections" titleId="collections-title" description={DESCRIPTION}>
      <div className="space-y-5">
        <CollectionList collections={collections} />
        <NewCollectionForm projectId={projectId} />
      </div>
    </Card>
  );
}
