import type { CachedKey } from "./cached-key";

/**
 * Headers telling a client that its key is in grace: `Deprecation` (RFC 9745, a structured
 * date `@<unix seconds>`) from when a successor replaced it, and `Sunset` (RFC 8594, an HTTP
 * date) from when it stops working.
 */
export function deprecationHeaders(
  key: Pick<CachedKey, "deprecatedAtMs" | "expiresAtMs">,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (key.deprecatedAtMs !== null) {
    headers.Deprecation = `@${Math.floor(key.deprecatedAtMs / 1000)}`;
  }
  if (key.expiresAtMs !== null) {
    headers.Sunset = new Date(key.expiresAtMs).toUTCString();
  }
  return headers;
}
