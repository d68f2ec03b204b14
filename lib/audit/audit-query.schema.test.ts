import { describe, expect, it } from "vitest";
import { parseAuditQuery } from "./audit-query.schema";

describe("parseAuditQuery", () => {
  it("reads an action and a page", () => {
    expect(parseAuditQuery({ action: "api_key.rotated", page: "3" })).toEqual({
      ok: true,
      query: { action: "api_key.rotated", page: 3 },
    });
  });

  it("treats an empty action as no filter and defaults to page 1", () => {
    expect(parseAuditQuery(new URLSearchParams("action="))).toEqual({
      ok: true,
      query: { action: undefined, page: 1 },
    });
  });

  it("takes the first of repeated values", () => {
    const parsed = parseAuditQuery({ action: ["api_key.expired", "x"], page: ["2", "9"] });
    expect(parsed).toEqual({ ok: true, query: { action: "api_key.expired", page: 2 } });
  });

  it("says what is wrong and falls back to the unfiltered first page", () => {
    expect(parseAuditQuery({ action: "drop table" })).toEqual({
      ok: false,
      query: { page: 1 },
      error: "Choose an action from the list.",
    });
    expect(parseAuditQuery({ page: "0" })).toMatchObject({ ok: false, error: "Pages start at 1." });
    expect(parseAuditQuery({ page: "two" })).toMatchObject({ ok: false });
  });
});
