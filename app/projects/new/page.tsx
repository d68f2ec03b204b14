import type { Metadata } from "next";
import { requireDeveloper } from "@/lib/auth/session";
import { CreateProjectFlow } from "./create-project-flow";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  await requireDeveloper("/projects/new");
  return <CreateProjectFlow />;
}
