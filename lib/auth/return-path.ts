import { headers } from "next/headers";

/** Set by the proxy on every request: the path and query the browser asked for. */
export const RETURN_PATH_HEADER = "x-rekey-return-path";

export const DEFAULT_SIGNED_IN_PATH = "/projects";

const MAX_NEXT_LENGTH = 2048;
const PLACEHOLDER_ORIGIN = "http://rekey.invalid";
// Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil…".
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * A path on this site to return to after sign-in, or null. Refuses anything a browser could
 * read as another origin: absolute URLs, protocol-relative `//host`, backslashes (which
 * browsers treat as slashes) and control characters.
 */
export function safeNextPath(candidate: unknown): string | null {
  if (typeof candidate !== "string" || candidate.length > MAX_NEXT_LENGTH) return null;
  if (!candidate.startsWith("/") || candidate.startsWith("//")) return null;
  if (candidate.includes("\\") || CONTROL_CHARACTERS.test(candidate)) return null;

  const url = new URL(candidate, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Path and query of a request, without the router's internal cache-busting parameter. */
export function returnPathOf(url: { pathname: string; search: string }): string {
  const search = new URLSearchParams(url.search);
  search.delete("_rsc");
  const query = search.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** Where the current request should come back to after a detour through sign-in. */
export async function currentReturnPath(): Promise<string> {
  const requestHeaders = await headers();
  return safeNextPath(requestHeaders.get(RETURN_PATH_HEADER)) ?? DEFAULT_SIGNED_IN_PATH;
}

/** `path` carrying where to go afterwards, when there is somewhere to go. */
export function withNextPath(path: string, next: string | null | undefined): string {
  const safe = safeNextPath(next);
  return safe ? `${path}?next=${encodeURIComponent(safe)}` : path;
}

/** The sign-in page, coming back to `returnTo` afterwards. */
export function signInPathFor(returnTo: string): string {
  return withNextPath("/sign-in", returnTo);
}
