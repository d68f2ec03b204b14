import { getDb } from "@/db/client";
import { logIn } from "@/lib/end-users/end-user-auth";
import { apiRoute } from "@/lib/public-api/api-route";
import { readJsonObject } from "@/lib/public-api/read-json-body";

export const dynamic = "force-dynamic";
export { preflight as OPTIONS } from "@/lib/public-api/cors";

export const POST = apiRoute("any", async ({ key, request }) => ({
  data: await logIn(getDb(), key.project, await readJsonObject(request)),
  message: "Logged in.",
}));
