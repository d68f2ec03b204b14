import type { Metadata } from "next";
import { ListPagination } from "@/components/data-browser/list-pagination";
import { EndUsersTable } from "@/components/end-users/end-users-table";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { countEndUsers, listEndUsersNewestFirst } from "@/db/end-users";
import { listPage, parsePageNumber } from "@/lib/data-browser/list-page";
import { requireOwnedProject } from "@/lib/projects/require-owned-project";

export const metadata: Metadata = { title: "End users" };

const PAGE_SIZE = 25;

type UsersPageProps = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const DESCRIPTION =
  "The people who signed up to your app through this project, newest first. Rotating an " +
  "API key never signs them out.";

function usersPath(projectId: string, page: number): string {
  const path = `/projects/${projectId}/users`;
  return page > 1 ? `${path}?page=${page}` : path;
}

export default async function UsersPage({ params, searchParams }: UsersPageProps) {
  const { projectId } = await params;
  const { project } = await requireOwnedProject(projectId);

  const db = getDb();
  const total = await countEndUsers(db, project.id);
  const page = listPage(parsePageNumber((await searchParams).page), total, PAGE_SIZE);
  const users = await listEndUsersNewestFirst(db, { projectId: project.id, ...page });

  return (
    <div className="space-y-6">
      <PageHeader title="End users" description={DESCRIPTION} />
      {users.length > 0 ? (
        <EndUsersTable users={users} />
      ) : (
        <Alert tone="info" title="No end users yet">
          They appear here once your app signs them up with a POST to /api/userAuth/signup.
        </Alert>
      )}
      <ListPagination
        page={page.page}
        pageCount={page.pageCount}
        total={total}
        noun={{ one: "end user", many: "end users" }}
        hrefFor={(target) => usersPath(project.id, target)}
      />
    </div>
  );
}
