import type { AuditAction } from "@/db/schema";

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The Audit page for a filter and page; page 1 is left out of the URL. */
export function auditPageHref(projectId: string, action?: AuditAction, page = 1): string {
  return withQuery(`/projects/${projectId}/audit`, {
    action,
    page: page > 1 ? String(page) : undefined,
  });
}

export function auditExportHref(projectId: string, action?: AuditAction): string {
  return withQuery(`/projects/${projectId}/audit/export`, { action });
}
