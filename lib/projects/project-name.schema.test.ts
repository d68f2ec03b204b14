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

  it("refuses a name with nothing visible in it", () => {
    expect(messageFor("\u200b")).toBe("Enter a project name.");
    expect(messageFor("\u200b\u2060\ufeff")).toBe("Enter a project name.");
  });

  it("refuses line breaks, control and text-direction characters", () => {
    const message = "Use one line of text, without control or text-direction characters.";
    expect(messageFor("Acme\r\nBcc: x@example.com")).toBe(message);
    expect(messageFor("Acme\u0007")).toBe(message);
    expect(messageFor("\u202egnp.exe")).toBe(message);
    expect(messageFor("Acme\u2066x\u2069")).toBe(message);
  });

  it("keeps names in any script, emoji sequences included", () => {
    for (const name of ["Ünïcødé プロジェクト", "👩‍💻 team", "میخواهم"]) {
      expect(parse(name).data).toEqual({ name });
    }
  });
});
