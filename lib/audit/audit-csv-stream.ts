import { type AuditFilter, type AuditScope, iterateAuditEvents } from "@/db/audit-events";
import type { Executor } from "@/db/client";
import type { Logger } from "@/lib/logger";
import { auditCsvHeader, auditCsvRow } from "./audit-csv";
import { viewAuditEvent } from "./audit-event-view";

/**
 * The filtered trail as a CSV byte stream, read from the database batch by batch as the
 * client downloads it, so a long history never sits in memory whole.
 */
export function auditCsvStream(
  db: Executor,
  scope: AuditScope,
  filter: AuditFilter,
  log: Logger,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = iterateAuditEvents(db, scope, filter);
  let headerSent = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(auditCsvHeader()));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        const rows = next.value.map((event) => auditCsvRow(viewAuditEvent(event)));
        controller.enqueue(encoder.encode(rows.join("")));
      } catch (error) {
        log.error({ err: error, projectId: scope.projectId }, "audit export failed");
        controller.error(new Error("the audit export could not be completed"));
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** `rekey-audit-my-shop-2026-12-03.csv`: safe in a Content-Disposition header as it is. */
export function auditCsvFilename(projectName: string, now: Date): string {
  const slug =
    projectName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "project";
  return `rekey-audit-${slug}-${now.toISOString().slice(0, 10)}.csv`;
}
