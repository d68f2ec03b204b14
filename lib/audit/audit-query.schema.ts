import { z } from "zod";
import { AUDIT_ACTIONS } from "@/db/schema";

const MAX_PAGE = 100_000;

/**
 * The Audit page's and the CSV export's query string. An empty `action` (the filter's "All
 * actions") means no filter.
 */
export const auditQuerySchema = z.object({
  action: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(AUDIT_ACTIONS, { error: "Choose an action from the list." }).optional(),
  ),
  page: z.coerce
    .number({ error: "The page must be a number." })
    .int("The page must be a whole number.")
    .min(1, "Pages start at 1.")
    .max(MAX_PAGE, "That page does not exist.")
    .default(1),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Next's searchParams or a URL's, reduced to one string per name (the first wins). */
export function firstValues(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): Record<string, string | undefined> {
  if (params instanceof URLSearchParams) {
    return { action: params.get("action") ?? undefined, page: params.get("page") ?? undefined };
  }
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return { action: first(params.action), page: first(params.page) };
}

export type ParsedAuditQuery =
  | { ok: true; query: AuditQuery }
  | { ok: false; query: AuditQuery; error: string };

/** Parses the query; on bad input says why and falls back to the unfiltered first page. */
export function parseAuditQuery(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): ParsedAuditQuery {
  const result = auditQuerySchema.safeParse(firstValues(params));
  if (result.success) return { ok: true, query: result.data };

  const error = result.error.issues[0]?.message ?? "That filter is not valid.";
  return { ok: false, query: { page: 1 }, error };
}
