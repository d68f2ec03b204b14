import { getDb } from "@/db/client";
import { logOut } from "@/lib/end-users/end-user-auth";
import { apiRoute } from "@/lib/public-api/api-route";

export const dynamic = "force-dynamic";
export { preflight as OPTIONS } from "@/lib/public-api/cors";

// The SDK's logout() returns `data` as `{ success, message }`, so both travel inside it too.
export const POST = apiRoute("any", async ({ key, request }) => {
  const revoked = await logOut(getDb(), key.project, request.headers.get("x-refresh-token"));
  const message = revoked ? "Logged out." : "Logged out; no live session matched the token.";
  return { data: { success: true, message, revoked }, message };
});
