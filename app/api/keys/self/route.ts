import { apiRoute } from "@/lib/public-api/api-route";
import { describeKey } from "@/lib/public-api/key-self";

export const dynamic = "force-dynamic";
export { preflight as OPTIONS } from "@/lib/public-api/cors";

export const GET = apiRoute("any", async ({ key }) => ({
  data: describeKey(key),
  message: key.status === "grace" ? "This key is in its grace period." : "This key is current.",
}));
