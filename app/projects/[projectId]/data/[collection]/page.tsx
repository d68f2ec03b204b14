import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { collectionPath, dataPath } from "@/components/data-browser/data-paths";
import { DocumentCard } from "@/components/data-browser/document-card";
import { ListPagination } from "@/components/data-browser/list-pagination";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { getDb } from "@/db/client";
import { findCollectionByName } from "@/db/collections";
import { countDocuments, listDocumentsNewestFirst } from "@/db/documents";
import { COLLECTION_NAME_PATTERN } from "@/lib/data/collection-name.schema";
import { listPage, parsePageNumber } from "@/lib/data-browser/list-page";
import { requireOwnedProject } from "@/lib/projects/require-owned-project";

export const metadata: Metadata = { title: "Collection" };

const PAGE_SIZE = 20;

type CollectionPageProps = {
  params: Promise<{ projectId: string; collection: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CollectionPage({ params, searchParams }: CollectionPageProps) {
  const { projectId, collection: name } = await params;
  const { project } = await requireOwnedProject(projectId);

  // A name that cannot exist is not even looked up; another project's name is not found.
  const db = getDb();
  const collection = COLLECTION_NAME_PATTERN.test(name)
    ? await findCollectionByName(db, { projectId: project.id, name })
    : null;
  if (!collection) notFound();

  const scope = { projectId: project.id, collectionId: collection.id };
  const total = await countDocuments(db, scope, []);
  const page = listPage(parsePageNumber((await searchParams).page), total, PAGE_SIZE);
  const documents = await listDocumentsNewestFirst(db, scope, page);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <TextLink href={dataPath(project.id)} className="text-sm font-normal text-slate-600">
          All collections
        </TextLink>
        <PageHeader
          title={collection.name}
          description={
            <>
              Documents newest first. The API serves them at{" "}
              <code className="font-mono">/api/data/{collection.name}</code>.
            </>
          }
        />
      </div>
      {documents.length > 0 ? (
        <div className="space-y-4">
          {documents.map((document) => (
            <DocumentCard key={document.id} document={document} />
          ))}
        </div>
      ) : (
        <Alert tone="info" title="No documents yet">
          Add one with a POST to /api/data/{collection.name} and the secret key.
        </Alert>
      )}
      <ListPagination
        page={page.page}
        pageCount={page.pageCount}
        total={total}
        noun={{ one: "document", many: "documents" }}
        hrefFor={(target) => collectionPath(project.id, collection.name, target)}
      />
    </div>
  );
}
