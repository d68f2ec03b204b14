import { describe, expect, it } from "vitest";
import { listPage, parsePageNumber } from "./list-page";

describe("parsePageNumber", () => {
  it("reads a whole page number", () => {
    expect(parsePageNumber("3")).toBe(3);
    expect(parsePageNumber(["2", "9"])).toBe(2);
  });

  it("falls back to the first page for anything else", () => {
    for (const raw of [undefined, "", "0", "-1", "1.5", "abc", "1e9", []]) {
      expect(parsePageNumber(raw), String(raw)).toBe(1);
    }
  });
});

describe("listPage", () => {
  it("gives the offset of a page", () => {
    expect(listPage(3, 100, 20)).toEqual({ page: 3, pageCount: 5, offset: 40, limit: 20 });
  });

  it("has one page for an empty list", () => {
    expect(listPage(1, 0, 20)).toEqual({ page: 1, pageCount: 1, offset: 0, limit: 20 });
  });

  it("shows the last page for a page past the end", () => {
    expect(listPage(9, 41, 20)).toEqual({ page: 3, pageCount: 3, offset: 40, limit: 20 });
  });
});
