import { NavLink } from "./nav-link";

export type ProjectNavItem = {
  label: string;
  /** The page's path below /projects/[projectId]; "" for the overview. */
  segment: string;
};

/**
 * The project's pages, in the order the navigation shows them. A page adds itself here when
 * it exists; nothing is listed ahead of its page.
 */
export const PROJECT_NAV_ITEMS: readonly ProjectNavItem[] = [
  { label: "Overview", segment: "" },
  { label: "Data", segment: "data" },
  { label: "Users", segment: "users" },
  { label: "Audit", segment: "audit" },
  { label: "Settings", segment: "settings" },
];

export function projectPath(projectId: string, segment = ""): string {
  return segment ? `/projects/${projectId}/${segment}` : `/projects/${projectId}`;
}

export function ProjectNav({ projectId }: { projectId: string }) {
  return (
    <nav aria-label="Project" className="overflow-x-auto">
      <ul className="flex gap-4 border-b border-slate-200 sm:gap-6">
        {PROJECT_NAV_ITEMS.map((item) => (
          <li key={item.label}>
            {/* The overview is the project's root: only its own path marks it current. */}
            <NavLink href={projectPath(projectId, item.segment)} matchNested={item.segment !== ""}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
