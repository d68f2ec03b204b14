import { ScrollableTable } from "@/components/ui/scrollable-table";
import type { AuditEventView } from "@/lib/audit/audit-event-view";

const HEADERS = ["Time (UTC)", "Action", "Actor", "IP address", "Browser", "Key", "Details"];

function KeyCell({ event }: { event: AuditEventView }) {
  if (!event.key) return <span className="text-slate-500">—</span>;
  return (
    <span className="whitespace-nowrap">
      <span className="text-slate-600">{event.keyType} </span>
      <code className="font-mono text-slate-900">{event.key}</code>
    </span>
  );
}

/** The trail as a table; the caller has already scoped and paged it. */
export function AuditEventsTable({ events }: { events: AuditEventView[] }) {
  return (
    <ScrollableTable label="Audit events" headers={HEADERS}>
      {events.map((event) => (
        <tr key={event.id} className="align-top">
          <td className="px-3 py-2 font-mono whitespace-nowrap text-slate-700">
            {event.time.replace(" UTC", "")}
          </td>
          <td className="px-3 py-2 text-slate-900">
            <span className="whitespace-nowrap">{event.actionLabel}</span>
            <span className="block font-mono text-xs text-slate-500">{event.action}</span>
          </td>
          <td className="min-w-52 px-3 py-2 break-words text-slate-900">{event.actor}</td>
          <td className="px-3 py-2 font-mono text-slate-700">{event.ipAddress || "—"}</td>
          <td className="min-w-40 px-3 py-2 text-slate-700" title={event.userAgent || undefined}>
            {event.browser || "—"}
          </td>
          <td className="px-3 py-2">
            <KeyCell event={event} />
          </td>
          <td className="min-w-64 px-3 py-2 text-slate-700">{event.details || "—"}</td>
        </tr>
      ))}
    </ScrollableTable>
  );
}
