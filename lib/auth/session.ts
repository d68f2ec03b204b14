import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";
import { currentReturnPath, signInPathFor } from "./return-path";

export type Developer = { id: string; email: string; name: string };
export type DeveloperSession = {
  developer: Developer;
  sessionId: string;
  signedInAt: Date;
  reauthenticatedAt: Date | null;
};

/** The signed-in developer for this request, or null. Cached per request. */
export const getDeveloperSession = cache(async (): Promise<DeveloperSession | null> => {
  // Reading the headers first marks the page dynamic before anything touches the
  // environment, so that `next build` never needs a database or a session secret.
  const requestHeaders = await headers();
  const result = await getAuth().api.getSession({ headers: requestHeaders });
  if (!result) return null;

  const { user, session } = result;
  const extra = session as { reauthenticatedAt?: Date | null };
  return {
    developer: { id: user.id, email: user.email, name: user.name },
    sessionId: session.id,
    signedInAt: new Date(session.createdAt),
    reauthenticatedAt: extra.reauthenticatedAt ? new Date(extra.reauthenticatedAt) : null,
  };
});

/**
 * For pages and actions: the developer, or a redirect to sign-in that comes back to
 * `returnTo` (by default the page the browser asked for, as the proxy recorded it).
 */
export async function requireDeveloper(returnTo?: string): Promise<DeveloperSession> {
  const current = await getDeveloperSession();
  if (!current) redirect(signInPathFor(returnTo ?? (await currentReturnPath())));
  return current;
}
