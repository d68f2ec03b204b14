import { redirect } from "next/navigation";
import { getDeveloperSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  const session = await getDeveloperSession();
  redirect(session ? "/projects" : "/sign-in");
}
