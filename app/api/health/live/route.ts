// Liveness: answers without any I/O, the baseline the benchmark compares against.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ success: true, data: { status: "ok" }, message: "alive" });
}
