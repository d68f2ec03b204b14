import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/public-api/api-error";
import { MAX_LIMIT, parseListQuery } from "./list-query";

const parse = (query: string) => parseListQuery(new URLSearchParams(query));

function refusal(query: string): string {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    return (error as ApiError).message;
  }
  throw new Error(`"${query}" was accepted`);
}

describe("parseListQuery", () => {
  it("defaults to the first page of 100, newest first", () => {
    expect(parse("")).toEqual({ filters: [], sort: [], page: 1, limit: MAX_LIMIT, count: false });
  });

  it("reads filters the way the SDK sends them", () => {
    const query = parse("status=active&price_gt=100&price_lte=500&address.city=Paris");
    expect(query.filters).toEqual([
      { field: { path: ["status"] }, op: "eq", value: "active" },
      { field: { path: ["price"] }, op: "gt", value: "100" },
      { field: { path: ["price"] }, op: "lte", value: "500" },
      { field: { path: ["address", "city"] }, op: "eq", value: "Paris" },
    ]);
  });

  it("maps server fields to their columns", () => {
    const query = parse("_id=abc&createdAt_gte=2025-01-01");
    expect(query.filters.map((f) => f.field)).toEqual([{ column: "id" }, { column: "createdAt" }]);
  });

  it("reads sort as field:dir, -field or field", () => {
    expect(parse("sort=price:desc,name,-age,rank:1,score:-1").sort).toEqual([
      { field: { path: ["price"] }, direction: "desc" },
      { field: { path: ["name"] }, direction: "asc" },
      { field: { path: ["age"] }, direction: "desc" },
      { field: { path: ["rank"] }, direction: "asc" },
      { field: { path: ["score"] }, direction: "desc" },
    ]);
    expect(parse("sort=createdAt:DESC").sort).toEqual([
      { field: { column: "createdAt" }, direction: "desc" },
    ]);
  });

  it("reads page, limit and count, capping limit like urBackend", () => {
    expect(parse("page=3&limit=10&count=true")).toMatchObject({ page: 3, limit: 10, count: true });
    expect(parse("limit=5000").limit).toBe(MAX_LIMIT);
  });

  it("refuses what it cannot honour exactly", () => {
    expect(refusal("page=0")).toMatch(/page/);
    expect(refusal("page=1.5")).toMatch(/page/);
    expect(refusal("limit=-1")).toMatch(/limit/);
    expect(refusal("limit=ten")).toMatch(/limit/);
    expect(refusal("count=yes")).toMatch(/count/);
    expect(refusal("sort=price:sideways")).toMatch(/sort/);
    expect(refusal("sort=a,b,c,d,e,f")).toMatch(/5 fields/);
    expect(refusal("a=1&a=2")).toMatch(/repeated/);
    expect(refusal("populate=author")).toMatch(/not supported/);
    expect(refusal("bad%20field=1")).toMatch(/field name/);
    expect(refusal("a.b.c.d.e.f=1")).toMatch(/field name/);
    expect(refusal("x'%3B%20drop%20table=1")).toMatch(/field name/);
    expect(refusal(`q=${"x".repeat(1001)}`)).toMatch(/1000/);
  });
});
