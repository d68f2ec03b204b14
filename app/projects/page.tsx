import type { Metadata } from "next";
import Link from "next/link";
import { projectPath } from "@/components/layout/project-nav";
import { buttonClassName } from "@/components/ui/button";
import { cx, FOCUS_RING } from "@/components/ui/class-names";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listProjectsForOwner, type Project } from "@/db/projects";
import { requireDeveloper } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const { developer } = await requireDeveloper("/projects");
  const projects = await listProjectsForOwner(getDb(), developer.id);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Projects"
        description="Each project has its own data, end users and API keys."
        actions={
          projects.length > 0 ? (
            <Link href="/projects/new" className={buttonClassName()}>
              New project
            </Link>
          ) : null
        }
      />
      {projects.length > 0 ? <ProjectList projects={projects} /> : <NoProjects />}
    </div>
  );
}

function ProjectList({ projects }: { projects: Project[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
      {projects.map((project) => (
        <li key={project.id}>
          <Link
            href={projectPath(project.id)}
            className={cx(
              "flex flex-col gap-1 px-4 py-4 hover:bg-slate-50 sm:flex-row sm:items-center",
              "sm:justify-between sm:px-6",
              FOCUS_RING,
            )}
          >
            <span className="font-medium break-words text-slate-900">{project.name}</span>
            <span className="text-sm text-slate-600">
              Created <DateTime value={project.createdAt} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function NoProjects() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-12 text-center">
      <h2 className="text-base font-semibold text-slate-900">No projects yet</h2>
      <p className="mx-auto mt-1 max-w-sm text-sm text-slate-600">
        Create a project to get its publishable and secret API keys and start storing data.
      </p>
      <Link href="/projects/new" className={buttonClassName({ className: "mt-5" })}>
        Create your first project
      </Link>
    </div>
  );
}
