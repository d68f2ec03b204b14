import type { Metadata } from "next";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditPagination } from "@/components/audit/audit-pagination";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEventsPage } from "@/db/audit-events";
import { getDb } from "@/db/client";
import { viewAuditEvent } from "@/lib/audit/audit-event-view";
import { parseAuditQuery } from "@/lib/audit/audit-query.schema";
import { auditExportHref, auditPageHref } from "@/lib/audit/audit-urls";
import { requireOwnedProject } from "@/lib/projects/require-owned-project";

export const metadata: Metadata = { title: "Audit trail" };

type AuditPageProps = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const DESCRIPTION =
  "Everything that happened to this project's keys, newest first. Entries cannot be edited " +
  "or deleted.";

export default async function AuditPage({ params, searchParams }: AuditPageProps) {
  const { projectId } = await params;
  const { session, project } = await requireOwnedProject(projectId);
  const parsed = parseAuditQuery(await searchParams);
  const { action, page } = parsed.query;

  const result = await listAuditEventsPage(
    getDb(),
    { projectId: project.id, ownerId: session.developer.id },
    { action, page },
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit trail"
        description={DESCRIPTION}
        actions={
          <a
            href={auditExportHref(project.id, action)}
            className={buttonClassName({ variant: "secondary" })}
            download
          >
            Export CSV
          </a>
        }
      />
      {parsed.ok ? null : (
        <Alert tone="error" title="That filter could not be used">
          {parsed.error} Showing all events instead.
        </Alert>
      )}
      <AuditFilterForm action={action} />
      {result.events.length > 0 ? (
        <AuditEventsTable events={result.events.map(viewAuditEvent)} />
      ) : (
        <Alert tone="info">
          {result.total === 0 ? "No events match this filter." : "This page has no events."}
        </Alert>
      )}
      <AuditPagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        hrefFor={(target) => auditPageHref(project.id, action, target)}
      />
    </div>
  );
}
