// Browsers call the public API from other origins with the publishable key. No route of the
// public API reads cookies (keys and tokens travel in headers), so allowing any origin, with
// credentials as the SDK's auth calls ask, lends no ambient authority to anyone.

const ALLOWED_HEADERS = [
  "x-api-key",
  "content-type",
  "authorization",
  "x-refresh-token",
  "x-refresh-token-mode",
  "x-request-id",
].join(", ");
const EXPOSED_HEADERS = "Deprecation, Sunset, x-request-id";
const METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/** Headers every public API response carries for the calling origin. */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  if (!origin) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Expose-Headers": EXPOSED_HEADERS,
    Vary: "Origin",
  };
}

/** The answer to a browser's preflight; it needs no key. */
export function preflight(request: Request): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(request),
      "Access-Control-Allow-Methods": METHODS,
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": PREFLIGHT_MAX_AGE_SECONDS,
    },
  });
}
