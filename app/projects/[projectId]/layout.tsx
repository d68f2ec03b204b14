import type { ReactNode } from "react";
import { ProjectNav } from "@/components/layout/project-nav";
import { TextLink } from "@/components/ui/text-link";
import { requireOwnedProject } from "@/lib/projects/require-owned-project";

type ProjectLayoutProps = { children: ReactNode; params: Promise<{ projectId: string }> };

/** Every project page: the project's name, its navigation, then the page. */
export default async function ProjectLayout({ children, params }: ProjectLayoutProps) {
  const { projectId } = await params;
  const { project } = await requireOwnedProject(projectId);

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <div className="min-w-0">
          <TextLink href="/projects" className="text-sm font-normal text-slate-600">
            Projects
          </TextLink>
          <p className="mt-1 text-lg font-semibold break-words text-slate-900">{project.name}</p>
        </div>
        <ProjectNav projectId={project.id} />
      </div>
      {children}
    </div>
  );
}
