import { describe, expect, it } from "vitest";
import { isDocumentId, newDocumentId } from "./document-id";
import { MAX_DOCUMENT_DEPTH, toApiDocument, toDocumentInput } from "./document-input";

describe("toDocumentInput", () => {
  it("takes the _id apart from the fields to store, ignoring server fields", () => {
    expect(
      toDocumentInput({ _id: "a-1", title: "x", createdAt: "then", updatedAt: 1, n: null }),
    ).toEqual({ id: "a-1", data: { title: "x", n: null } });
    expect(toDocumentInput({ title: "x" })).toEqual({ id: null, data: { title: "x" } });
  });

  it("refuses an _id that is not a short safe string", () => {
    expect(() => toDocumentInput({ _id: 5 })).toThrow(/_id/);
    expect(() => toDocumentInput({ _id: "a/b" })).toThrow(/_id/);
    expect(() => toDocumentInput({ _id: "" })).toThrow(/_id/);
    expect(() => toDocumentInput({ _id: "x".repeat(129) })).toThrow(/_id/);
  });

  it("refuses documents nested deeper than 100 levels", () => {
    const nest = (depth: number) => {
      let value: unknown = 1;
      for (let i = 1; i < depth; i++) value = i % 2 ? { a: value } : [value];
      return { top: value };
    };
    expect(() => toDocumentInput(nest(MAX_DOCUMENT_DEPTH))).not.toThrow();
    expect(() => toDocumentInput(nest(MAX_DOCUMENT_DEPTH + 1))).toThrow(/100 levels/);
    expect(() => toDocumentInput(nest(50_000))).toThrow(/100 levels/);
  });

  it("refuses NUL characters, which jsonb cannot store", () => {
    expect(() => toDocumentInput({ text: "a\u0000b" })).toThrow(/NUL/);
  });
});

describe("toApiDocument", () => {
  it("adds _id and the timestamps to the stored fields", () => {
    const at = new Date("2025-01-01T00:00:00Z");
    const row = { collectionId: "c", id: "d1", data: { a: 1 }, createdAt: at, updatedAt: at };
    expect(toApiDocument(row)).toEqual({
      a: 1,
      _id: "d1",
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-01T00:00:00.000Z",
    });
  });
});

describe("newDocumentId", () => {
  it("is 24 hex digits beginning with the time, like an ObjectId", () => {
    const id = newDocumentId(Date.parse("2025-01-01T00:00:00Z"));
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(Number.parseInt(id.slice(0, 8), 16)).toBe(Date.parse("2025-01-01T00:00:00Z") / 1000);
    expect(isDocumentId(id)).toBe(true);
    expect(newDocumentId()).not.toBe(newDocumentId());
  });
});
