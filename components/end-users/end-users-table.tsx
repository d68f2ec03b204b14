import { cx, FOCUS_RING } from "@/components/ui/class-names";
import { DateTime } from "@/components/ui/date-time";
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
    <section
      aria-label="End users"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the table with it
      tabIndex={0}
      className={cx(
        "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm",
        FOCUS_RING,
      )}
    >
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <thead className="bg-slate-50">
          <tr>
            {HEADERS.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-semibold text-slate-900">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
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
        </tbody>
      </table>
    </section>
  );
}
