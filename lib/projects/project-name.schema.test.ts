import { describe, expect, it } from "vitest";
import { createProjectSchema } from "./project-name.schema";

const parse = (name: unknown) => createProjectSchema.safeParse({ name });
const messageFor = (name: unknown) => parse(name).error?.issues[0]?.message;

describe("project name", () => {
  it("is trimmed", () => {
    expect(parse("  Acme  ").data).toEqual({ name: "Acme" });
  });

  it("refuses an empty or blank name", () => {
    expect(messageFor("")).toBe("Enter a project name.");
    expect(messageFor(" \t ")).toBe("Enter a project name.");
    expect(messageFor(undefined)).toBe("Enter a project name.");
  });

  it("accepts 64 characters and refuses 65, counted after trimming", () => {
    expect(parse("a".repeat(64)).success).toBe(true);
    expect(parse(` ${"a".repeat(64)} `).success).toBe(true);
    expect(messageFor("a".repeat(65))).toBe("Use 64 characters or fewer.");
  });
});
