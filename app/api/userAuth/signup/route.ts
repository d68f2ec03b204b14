import { getDb } from "@/db/client";
import { signUp } from "@/lib/end-users/end-user-auth";
import { apiRoute } from "@/lib/public-api/api-route";
import { readJsonObject } from "@/lib/public-api/read-json-body";

export const dynamic = "force-dynamic";
export { preflight as OPTIONS } from "@/lib/public-api/cors";

// The SDK's signUp() reads both the user (`_id`, `email`) and the tokens from `data`.
export const POST = apiRoute("any", async ({ key, request }) => {
  const signedIn = await signUp(getDb(), key.project, await readJsonObject(request));
  return { status: 201, data: { ...signedIn.user, ...signedIn }, message: "Signed up." };
});
