/** Every public API answer: the `{ success, data, message }` shape urBackend clients read. */
export type Envelope<T> = { success: boolean; data: T; message: string };

export function jsonResponse<T>(
  status: number,
  envelope: Envelope<T>,
  headers: Record<string, string> = {},
): Response {
  return Response.json(envelope, { status, headers });
}

export function failure(
  status: number,
  message: string,
  data: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(status, { success: false, data, message }, headers);
}
