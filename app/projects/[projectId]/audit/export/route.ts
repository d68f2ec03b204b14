import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findProjectForOwner } from "@/db/projects";
import { auditCsvFilename, auditCsvStream } from "@/lib/audit/audit-csv-stream";
import { parseAuditQuery } from "@/lib/audit/audit-query.schema";
import { returnPathOf, signInPathFor } from "@/lib/auth/return-path";
import { getDeveloperSession } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { projectIdSchema } from "@/lib/projects/require-owned-project";

export const dynamic = "force-dynamic";

const log = logger.child({ module: "audit-export" });

type ExportContext = { params: Promise<{ projectId: string }> };

// The same answer for a project that is someone else's and one that does not exist.
function notFound(): Response {
  return new Response("Not found\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/** CSV of the project's audit trail, with the page's action filter; owner only. */
export async function GET(request: Request, { params }: ExportContext): Promise<Response> {
  const session = await getDeveloperSession();
  const url = new URL(request.url);
  if (!session) redirect(signInPathFor(returnPathOf(url)));

  const projectId = projectIdSchema.safeParse((await params).projectId);
  if (!projectId.success) return notFound();
  const scope = { projectId: projectId.data, ownerId: session.developer.id };
  const project = await findProjectForOwner(getDb(), scope);
  if (!project) return notFound();

  const parsed = parseAuditQuery(url.searchParams);
  if (!parsed.ok) {
    return new Response(`${parsed.error}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }

  const filename = auditCsvFilename(project.name, new Date());
  log.info({ projectId: project.id, action: parsed.query.action ?? "all" }, "audit exported");
  return new Response(auditCsvStream(getDb(), scope, { action: parsed.query.action }, log), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
