import { randomUUID } from "node:crypto";
import { summariseError } from "@/lib/http/unexpected-error";
import { logger } from "@/lib/logger";
import { getUsageRecorder } from "@/lib/usage/usage-recorder";
import { deprecationHeaders } from "@/lib/verification/deprecation-headers";
import { type KeyScope, type VerifiedKey, verifyApiKey } from "@/lib/verification/verify-api-key";
import { ApiError } from "./api-error";
import { corsHeaders } from "./cors";
import { failure, jsonResponse } from "./envelope";

const log = logger.child({ module: "public-api" });

export type ApiContext = { request: Request; url: URL; key: VerifiedKey; requestId: string };
export type ApiResult = { status?: number; data: unknown; message: string };
type RouteParams = Record<string, string>;
type Handler<P extends RouteParams> = (context: ApiContext, params: P) => Promise<ApiResult>;

type Outcome = { response: Response; key?: VerifiedKey; reason?: string };

// Database errors carry their query's parameters (key hashes among them): only a summary of
// the error is logged.
function unexpected(error: unknown, requestId: string): Response {
  log.error({ requestId, error: summariseError(error) }, "public api request failed");
  return failure(500, `Something went wrong on our side. Quote request id ${requestId}.`, {
    requestId,
  });
}

type Call<P extends RouteParams> = {
  request: Request;
  url: URL;
  requestId: string;
  params: Promise<P>;
};

async function run<P extends RouteParams>(
  call: Call<P>,
  scope: KeyScope,
  handler: Handler<P>,
): Promise<Outcome> {
  const { request, url, requestId } = call;
  const verification = await verifyApiKey({ headers: request.headers, url }, scope);
  if (!verification.ok) {
    const { status, reason, message, at } = verification.rejection;
    return { response: failure(status, message, at ? { reason, at } : { reason }), reason };
  }

  const key = verification.key;
  getUsageRecorder().record(key.keyId, key.project.id);
  const headers = key.status === "grace" ? deprecationHeaders(key) : {};
  try {
    const result = await handler({ request, url, key, requestId }, await call.params);
    const envelope = { success: true, data: result.data, message: result.message };
    return { response: jsonResponse(result.status ?? 200, envelope, headers), key };
  } catch (error) {
    if (!(error instanceof ApiError)) return { response: unexpected(error, requestId), key };
    return { response: failure(error.status, error.message, error.data, headers), key };
  }
}

function logRequest(call: Call<RouteParams>, outcome: Outcome, started: number): void {
  log.info(
    {
      requestId: call.requestId,
      method: call.request.method,
      path: call.url.pathname,
      status: outcome.response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      projectId: outcome.key?.project.id,
      keyId: outcome.key?.keyId,
      reason: outcome.reason,
    },
    "api request",
  );
}

/**
 * Wraps a public API route handler: verifies the key for `scope`, counts its use, turns the
 * result or a typed error into the envelope, adds the grace and CORS headers, and logs one
 * line per request (never the key, its hash or the query string).
 */
export function apiRoute<P extends RouteParams>(scope: KeyScope, handler: Handler<P>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const call = { request, url: new URL(request.url), requestId, params: route.params };

    let outcome: Outcome;
    try {
      outcome = await run(call, scope, handler);
    } catch (error) {
      outcome = { response: unexpected(error, requestId) };
    }

    for (const [name, value] of Object.entries(corsHeaders(request))) {
      outcome.response.headers.set(name, value);
    }
    logRequest(call, outcome, started);
    return outcome.response;
  };
}
