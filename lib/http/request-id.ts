import { headers } from "next/headers";

export const REQUEST_ID_HEADER = "x-request-id";

// Accepts the ids load balancers and tracing tools send (UUIDs, hex, base64url) and nothing
// that could smuggle newlines or markup into a log line.
const INCOMING_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuses a well-formed incoming request id, or makes a new one. */
export function resolveRequestId(incoming: string | null | undefined): string {
  if (incoming && INCOMING_REQUEST_ID.test(incoming)) return incoming;
  return crypto.randomUUID();
}

/** The id the proxy gave this request; shown with generic error messages for support. */
export async function currentRequestId(): Promise<string> {
  const requestHeaders = await headers();
  return requestHeaders.get(REQUEST_ID_HEADER) ?? "unknown";
}
