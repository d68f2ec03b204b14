import { asc, desc, type SQL, sql } from "drizzle-orm";
import { documents } from "@/db/schema";
import { badRequest } from "@/lib/public-api/api-error";
import type { FieldRef, Filter, Operator, SortKey } from "./list-query";

// Translates parsed filters and sort keys into SQL over `documents`. Field names and values
// only ever travel as bound parameters: nothing the client sends becomes SQL text.

const COMPARATORS: Record<Exclude<Operator, "eq">, SQL> = {
  gt: sql.raw(">"),
  gte: sql.raw(">="),
  lt: sql.raw("<"),
  lte: sql.raw("<="),
};
const COLUMN_OF = {
  id: documents.id,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
} as const;

// A strict JSON number: what can be compared with stored numbers without a cast error.
const JSON_NUMBER = /^-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?$/;

export function jsonAt(path: string[]): SQL {
  return path.reduce<SQL>(
    (parent, segment) => sql`(${parent} -> ${segment}::text)`,
    sql`${documents.data}`,
  );
}

function textAt(path: string[]): SQL {
  const parent = jsonAt(path.slice(0, -1));
  return sql`(${parent} ->> ${path.at(-1)}::text)`;
}

/** Equality matches the value as a string and, where it reads as one, as a number or boolean. */
export function equalityCandidates(value: string): string[] {
  const candidates = [JSON.stringify(value)];
  if (JSON_NUMBER.test(value)) candidates.push(value);
  if (value === "true" || value === "false" || value === "null") candidates.push(value);
  return candidates;
}

function dataFilter(path: string[], op: Operator, value: string): SQL {
  const json = jsonAt(path);
  if (op === "eq") {
    const matches = equalityCandidates(value).map((c) => sql`${json} = ${c}::jsonb`);
    return sql`(${sql.join(matches, sql` or `)})`;
  }

  // Ranges compare numbers with numbers and strings with strings (byte order), never across.
  const comparator = COMPARATORS[op];
  if (JSON_NUMBER.test(value)) {
    return sql`(jsonb_typeof(${json}) = 'number' and ${json} ${comparator} ${value}::jsonb)`;
  }
  const text = sql`${textAt(path)} collate "C"`;
  return sql`(jsonb_typeof(${json}) = 'string' and ${text} ${comparator} ${value})`;
}

function columnFilter(column: keyof typeof COLUMN_OF, op: Operator, value: string): SQL {
  const target = COLUMN_OF[column];
  const comparator = op === "eq" ? sql.raw("=") : COMPARATORS[op];
  if (column === "id") return sql`${target} collate "C" ${comparator} ${value}`;

  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw badRequest(`${column} filters take a date, like 2024-05-01T00:00:00Z.`);
  }
  return sql`${target} ${comparator} ${new Date(time).toISOString()}::timestamptz`;
}

export function filterToSql(filter: Filter): SQL {
  const { field, op, value } = filter;
  return "column" in field
    ? columnFilter(field.column, op, value)
    : dataFilter(field.path, op, value);
}

function sortExpression(field: FieldRef): SQL | (typeof COLUMN_OF)[keyof typeof COLUMN_OF] {
  return "column" in field ? COLUMN_OF[field.column] : jsonAt(field.path);
}

/** Missing fields sort first, as in MongoDB; ties end in `_id` order so pages are stable. */
export function sortToSql(keys: SortKey[]): SQL[] {
  const effective: SortKey[] =
    keys.length > 0 ? keys : [{ field: { column: "createdAt" }, direction: "desc" }];

  const order = effective.map(({ field, direction }) => {
    const expression = sortExpression(field);
    return direction === "asc"
      ? sql`${asc(expression)} nulls first`
      : sql`${desc(expression)} nulls last`;
  });
  return [...order, asc(documents.id)];
}
