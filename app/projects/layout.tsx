import type { ReactNode } from "react";
import { signOutAction } from "@/app/(auth)/sign-out.action";
import { SkipLink } from "@/components/layout/skip-link";
import { TopBar } from "@/components/layout/top-bar";
import { getDeveloperSession } from "@/lib/auth/session";

/**
 * The signed-in shell. It does not redirect on its own: each page does, with its own path
 * as the place to come back to, so a signed-out visitor only ever sees the sign-in page.
 */
export default async function ProjectsLayout({ children }: { children: ReactNode }) {
  const session = await getDeveloperSession();

  return (
    <>
      <SkipLink />
      {session ? <TopBar email={session.developer.email} signOutAction={signOutAction} /> : null}
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-10">
        {children}
      </main>
    </>
  );
}
