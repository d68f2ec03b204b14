import { PgDialect } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equalityCandidates, filterToSql, sortToSql } from "./filter-sql";
import { parseListQuery } from "./list-query";

const dialect = new PgDialect();
const render = (query: string) => {
  const parsed = parseListQuery(new URLSearchParams(query));
  return parsed.filters.map((filter) => dialect.sqlToQuery(filterToSql(filter)));
};

describe("filterToSql", () => {
  it("matches equality as a string or as the number it reads as", () => {
    const [equality] = render("price=100");
    expect(equality?.sql).toBe(
      '(("documents"."data" -> $1::text) = $2::jsonb or ' +
        '("documents"."data" -> $3::text) = $4::jsonb)',
    );
    expect(equality?.params).toEqual(["price", '"100"', "price", "100"]);
    expect(equalityCandidates("true")).toEqual(['"true"', "true"]);
    expect(equalityCandidates("Paris")).toEqual(['"Paris"']);
    expect(equalityCandidates("01")).toEqual(['"01"']);
  });

  it("compares numbers with numbers and strings with strings", () => {
    const [numeric, text] = render("price_gt=99.5&name_lte=m");
    expect(numeric?.sql).toBe(
      `(jsonb_typeof(("documents"."data" -> $1::text)) = 'number' and ` +
        `("documents"."data" -> $2::text) > $3::jsonb)`,
    );
    expect(numeric?.params).toEqual(["price", "price", "99.5"]);
    expect(text?.sql).toContain(
      `= 'string' and ("documents"."data" ->> $2::text) collate "C" <= $3`,
    );
  });

  it("follows nested paths one bound segment at a time", () => {
    const [nested] = render("address.city=Paris");
    expect(nested?.sql).toContain('(("documents"."data" -> $1::text) -> $2::text)');
    expect(nested?.params.slice(0, 2)).toEqual(["address", "city"]);
  });

  it("compares server timestamps as timestamps and refuses non-dates", () => {
    const [created] = render("createdAt_gt=2025-01-02T03:04:05Z");
    expect(created?.sql).toBe('"documents"."created_at" > $1::timestamptz');
    expect(created?.params).toEqual(["2025-01-02T03:04:05.000Z"]);
    expect(() => render("updatedAt_lt=yesterday")).toThrow(/date/);
  });

  it("never puts a client's field name or value into the SQL text", () => {
    // Every generated name and value carries a marker that SQL text itself never holds.
    const field = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/).map((name) => `qz${name}`);
    const value = fc.string({ maxLength: 40 }).map((raw) => `qz${raw}`);
    const op = fc.constantFrom("", "_gt", "_gte", "_lt", "_lte");
    fc.assert(
      fc.property(field, op, value, (name, suffix, raw) => {
        const params = new URLSearchParams([[`${name}${suffix}`, raw]]);
        const [filter] = parseListQuery(params).filters;
        const query = dialect.sqlToQuery(filterToSql(filter as never));
        expect(query.sql).not.toContain("qz");
        expect(query.params).toContain(name);
      }),
      { numRuns: 300 },
    );
  });
});

describe("sortToSql", () => {
  it("defaults to newest first, ending with _id for stable pages", () => {
    const order = sortToSql([]).map((part) => dialect.sqlToQuery(part).sql);
    expect(order).toEqual(['"documents"."created_at" desc nulls last', '"documents"."id" asc']);
  });

  it("sorts data fields with missing values first", () => {
    const [first] = sortToSql([{ field: { path: ["price"] }, direction: "asc" }]);
    const query = dialect.sqlToQuery(first as never);
    expect(query.sql).toBe('("documents"."data" -> $1::text) asc nulls first');
    expect(query.params).toEqual(["price"]);
  });
});
