import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkHealth();
  const down = Object.entries(report)
    .filter(([, state]) => state === "down")
    .map(([name]) => name);

  if (down.length === 0) {
    return Response.json({ success: true, data: report, message: "ok" });
  }
  return Response.json(
    { success: false, data: report, message: `unavailable: ${down.join(", ")} down` },
    { status: 503 },
  );
}
