import { describe, expect, it } from "vitest";
import { jsonTokens } from "./json-tokens";

const textOf = (value: unknown) =>
  jsonTokens(value)
    .map((token) => token.text)
    .join("");

describe("jsonTokens", () => {
  it("gives back the pretty-printed JSON when joined", () => {
    const value = {
      title: "Ship it",
      done: false,
      tags: ["a", "b"],
      n: -1.5e3,
      nested: { x: null },
    };
    expect(textOf(value)).toBe(JSON.stringify(value, null, 2));
  });

  it("tells keys from string values, and numbers from literals", () => {
    const kinds = jsonTokens({ name: "Ada", age: 36, admin: true, manager: null })
      .filter((token) => token.kind !== "plain")
      .map((token) => [token.kind, token.text]);
    expect(kinds).toEqual([
      ["key", '"name"'],
      ["string", '"Ada"'],
      ["key", '"age"'],
      ["number", "36"],
      ["key", '"admin"'],
      ["literal", "true"],
      ["key", '"manager"'],
      ["literal", "null"],
    ]);
  });

  it("keeps escaped quotes and colons inside strings within one token", () => {
    const tokens = jsonTokens({ 'say "hi": now': 'a\\"b: "c"' });
    expect(tokens.filter((token) => token.kind === "key")).toHaveLength(1);
    expect(tokens.filter((token) => token.kind === "string")).toHaveLength(1);
    expect(textOf({ 'say "hi": now': 'a\\"b: "c"' })).toContain('"say \\"hi\\": now": ');
  });

  it("does not mistake digits inside strings or keys for numbers", () => {
    const tokens = jsonTokens({ v2: "route 66" });
    expect(tokens.some((token) => token.kind === "number")).toBe(false);
  });
});
