import type { AuditEventView } from "./audit-event-view";

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
// RFC 4180: a field holding a comma, a quote or a line break must be quoted.
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: neutralised against formulas, then quoted and escaped as RFC 4180 says. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRow(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export const AUDIT_CSV_COLUMNS = [
  "time_utc",
  "action",
  "actor",
  "actor_id",
  "ip_address",
  "user_agent",
  "key_type",
  "key",
  "details",
] as const;

export function auditCsvHeader(): string {
  return csvRow([...AUDIT_CSV_COLUMNS]);
}

export function auditCsvRow(event: AuditEventView): string {
  return csvRow([
    event.time,
    event.action,
    event.actor,
    event.actorId,
    event.ipAddress,
    event.userAgent,
    event.keyType,
    event.key,
    event.details,
  ]);
}

/** A whole export at once; the route streams the same rows batch by batch. */
export function auditEventsToCsv(events: AuditEventView[]): string {
  return auditCsvHeader() + events.map(auditCsvRow).join("");
}
