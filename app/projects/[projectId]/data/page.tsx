import type { Metadata } from "next";
import { NewCollectionForm } from "@/components/collections/new-collection-form";
import { CollectionsTable } from "@/components/data-browser/collections-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listCollectionsForProject } from "@/db/collections";
import { requireOwnedProject } from "@/lib/projects/require-owned-project";

export const metadata: Metadata = { title: "Data" };

type DataPageProps = { params: Promise<{ projectId: string }> };

const DESCRIPTION =
  "Your project's collections and the JSON documents in them. Create a collection here; " +
  "apps then write its documents through the API with the secret key.";

export default async function DataPage({ params }: DataPageProps) {
  const { projectId } = await params;
  const { project } = await requireOwnedProject(projectId);
  const collections = await listCollectionsForProject(getDb(), project.id);

  return (
    <div className="space-y-6">
      <PageHeader title="Data" description={DESCRIPTION} />
      <Card title="Collections" titleId="collections-title">
        <div className="space-y-6">
          {collections.length > 0 ? (
            <CollectionsTable collections={collections} />
          ) : (
            <div className="space-y-1 text-sm text-slate-600">
              <p className="font-medium text-slate-900">No collections yet</p>
              <p>
                Create one below, then add documents to it with a POST to{" "}
                <code className="font-mono">/api/data/&lt;name&gt;</code> and the secret key.
              </p>
            </div>
          )}
          <div className="border-t border-slate-200 pt-5">
            <NewCollectionForm projectId={project.id} />
          </div>
        </div>
      </Card>
    </div>
  );
}
