import { z } from "zod";
import { badRequest } from "@/lib/public-api/api-error";

// How urBackend clients ask for documents: every query parameter that is not a control
// parameter is a filter, `price=3` for equality and `price_gt=3` (gt, gte, lt, lte) for
// ranges; `sort=price:desc,name` or `-price`; `page` and `limit`; `count=true`.

export const MAX_LIMIT = 100;
export const MAX_PAGE = 10_000;
const MAX_FILTERS = 20;
const MAX_SORT_KEYS = 5;
const UNSUPPORTED = ["fields", "populate", "expand", "cursor"];

export type FieldRef = { column: "id" | "createdAt" | "updatedAt" } | { path: string[] };
export type Operator = "eq" | "gt" | "gte" | "lt" | "lte";
export type Filter = { field: FieldRef; op: Operator; value: string };
export type SortKey = { field: FieldRef; direction: "asc" | "desc" };
export type ListQuery = {
  filters: Filter[];
  sort: SortKey[];
  page: number;
  limit: number;
  count: boolean;
};

const COLUMNS: Record<string, FieldRef> = {
  _id: { column: "id" },
  createdAt: { column: "createdAt" },
  updatedAt: { column: "updatedAt" },
};
const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_DEPTH = 5;

export const fieldSchema = z
  .string()
  .refine(
    (name) => {
      if (COLUMNS[name]) return true;
      const segments = name.split(".");
      return segments.length <= MAX_DEPTH && segments.every((s) => SEGMENT.test(s));
    },
    { error: (issue) => `"${issue.input}" is not a field name this API can filter or sort on.` },
  )
  .transform((name): FieldRef => COLUMNS[name] ?? { path: name.split(".") });

const filterKeySchema = z.string().transform((key, ctx): { field: FieldRef; op: Operator } => {
  const match = /^(.+)_(gt|gte|lt|lte)$/.exec(key);
  const [name, op] = match ? [match[1] as string, match[2] as Operator] : [key, "eq" as const];
  const field = fieldSchema.safeParse(name);
  if (field.success) return { field: field.data, op };
  ctx.addIssue({ code: "custom", message: field.error.issues[0]?.message ?? "bad field" });
  return z.NEVER;
});

const filterValueSchema = z.string().max(1000, "A filter value may hold 1000 characters at most.");

const positiveInt = (name: string) =>
  z
    .string()
    .regex(/^[0-9]{1,6}$/, `${name} must be a whole number.`)
    .transform(Number)
    .refine((n) => n >= 1, `${name} must be 1 or more.`);

const pageSchema = positiveInt("page").refine(
  (n) => n <= MAX_PAGE,
  `page may be ${MAX_PAGE} at most.`,
);
// Larger limits are capped rather than refused, as urBackend does.
const limitSchema = positiveInt("limit").transform((n) => Math.min(n, MAX_LIMIT));
const countSchema = z.enum(["true", "false"], { error: "count must be true or false." });

const sortItemSchema = z
  .string()
  .trim()
  .transform((item, ctx): SortKey => {
    const match = /^(-)?([^:\s]+)(?::(asc|desc|1|-1))?$/i.exec(item);
    const field = match ? fieldSchema.safeParse(match[2]) : null;
    if (!match || !field?.success) {
      ctx.addIssue({
        code: "custom",
        message: `sort: "${item}" is not field, field:asc or field:desc.`,
      });
      return z.NEVER;
    }
    const descending = match[1] === "-" || /^(desc|-1)$/i.test(match[3] ?? "");
    return { field: field.data, direction: descending ? "desc" : "asc" };
  });

export const sortSchema = z
  .string()
  .max(200, "sort is too long.")
  .transform((value) => value.split(",").filter((item) => item.trim().length > 0))
  .pipe(z.array(sortItemSchema).max(MAX_SORT_KEYS, `Sort by ${MAX_SORT_KEYS} fields at most.`));

function check<T>(schema: z.ZodType<T, string>, value: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw badRequest(parsed.error.issues[0]?.message ?? "Invalid query.");
}

function assertNoRepeats(params: URLSearchParams): void {
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (seen.has(name)) throw badRequest(`Give each query parameter once ("${name}" is repeated).`);
    seen.add(name);
  }
}

/** Parses a list request's query string; anything it cannot honour exactly is a 400. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  assertNoRepeats(params);
  const query: ListQuery = { filters: [], sort: [], page: 1, limit: MAX_LIMIT, count: false };

  for (const [name, value] of params) {
    if (UNSUPPORTED.includes(name)) throw badRequest(`The "${name}" parameter is not supported.`);
    if (name === "page") query.page = check(pageSchema, value);
    else if (name === "limit") query.limit = check(limitSchema, value);
    else if (name === "count") query.count = check(countSchema, value) === "true";
    else if (name === "sort") query.sort = check(sortSchema, value);
    else
      query.filters.push({
        ...check(filterKeySchema, name),
        value: check(filterValueSchema, value),
      });
  }

  if (query.filters.length > MAX_FILTERS) throw badRequest(`Use ${MAX_FILTERS} filters at most.`);
  return query;
}
