import { getDb } from "@/db/client";
import { refreshTokens } from "@/lib/end-users/end-user-auth";
import { apiRoute } from "@/lib/public-api/api-route";

export const dynamic = "force-dynamic";
export { preflight as OPTIONS } from "@/lib/public-api/cors";

// The SDK sends the refresh token in this header (it asks for header mode at login).
export const POST = apiRoute("any", async ({ key, request }) => ({
  data: await refreshTokens(getDb(), key.project, request.headers.get("x-refresh-token")),
  message: "Tokens refreshed.",
}));
