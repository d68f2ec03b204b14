import { type NextRequest, NextResponse } from "next/server";
import { RETURN_PATH_HEADER, returnPathOf } from "@/lib/auth/return-path";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/http/request-id";
import { logger } from "@/lib/logger";

const log = logger.child({ module: "http" });

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Gives every request an id (logged, passed on to the app and returned to the client) and
 * records the path the browser asked for, so that sign-in can send the developer back.
 * Only method, path and id are logged: query strings, headers and cookies can hold secrets.
 */
export function proxy(request: NextRequest): NextResponse {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  log.info({ requestId, method: request.method, path: request.nextUrl.pathname }, "request");

  // Next answers a dynamic route whose path does not decode (`%c0%ae`) with a bare 500.
  if (!decodes(request.nextUrl.pathname)) {
    const body = { success: false, data: {}, message: "The request path is not valid UTF-8." };
    return NextResponse.json(body, { status: 400, headers: { [REQUEST_ID_HEADER]: requestId } });
  }

  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set(RETURN_PATH_HEADER, returnPathOf(request.nextUrl));

  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Static assets need no id and would only add noise to the log.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
