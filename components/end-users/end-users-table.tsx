import { DateTime } from "@/components/ui/date-time";
import { ScrollableTable } from "@/components/ui/scrollable-table";
import type { EndUserListing } from "@/db/end-users";

const HEADERS = ["Email", "Username", "Name", "Signed up"];

function Missing() {
  return (
    <span className="text-slate-500">
      <span aria-hidden="true">—</span>
      <span className="sr-only">none</span>
    </span>
  );
}

/** A project's end users; what is listed never includes a password or its hash. */
export function EndUsersTable({ users }: { users: EndUserListing[] }) {
  return (
    <ScrollableTable label="End users" headers={HEADERS}>
      {users.map((user) => (
        <tr key={user.id} className="align-top">
          <td className="min-w-56 px-3 py-2 wrap-anywhere text-slate-900">{user.email}</td>
          <td className="px-3 py-2 text-slate-700">{user.username ?? <Missing />}</td>
          <td className="px-3 py-2 text-slate-700">{user.name ?? <Missing />}</td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-700">
            <DateTime value={user.createdAt} />
          </td>
        </tr>
      ))}
    </ScrollableTable>
  );
}
