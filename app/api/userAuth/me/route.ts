import { getDb } from "@/db/client";
import { currentEndUser } from "@/lib/end-users/end-user-auth";
import { apiRoute } from "@/lib/public-api/api-route";

export const dynamic = "force-dynamic";
export { preflight as OPTIONS } from "@/lib/public-api/cors";

export const GET = apiRoute("any", async ({ key, request }) => ({
  data: await currentEndUser(getDb(), key.project, request.headers.get("authorization")),
  message: "Current end user.",
}));
