import { describe, expect, it } from "vitest";
import { returnPathOf, safeNextPath, signInPathFor, withNextPath } from "./return-path";

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNextPath("/projects")).toBe("/projects");
    expect(safeNextPath("/projects/abc/settings?key=secret#rotate")).toBe(
      "/projects/abc/settings?key=secret#rotate",
    );
  });

  it.each([
    ["protocol-relative", "//evil.example/x"],
    ["absolute", "https://evil.example/"],
    ["scheme without slashes", "javascript:alert(1)"],
    ["relative", "projects"],
    ["backslash", "/\\evil.example"],
    ["backslash later on", "/projects\\..\\"],
    ["tab that browsers drop", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["empty", ""],
    ["too long", `/${"a".repeat(2048)}`],
  ])("refuses a %s target", (_, candidate) => {
    expect(safeNextPath(candidate)).toBeNull();
  });

  it("refuses anything that is not a string", () => {
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(["/projects"])).toBeNull();
  });
});

describe("return paths", () => {
  it("drops the router's cache-busting parameter and keeps the rest", () => {
    expect(returnPathOf({ pathname: "/projects/a", search: "?_rsc=1x2y" })).toBe("/projects/a");
    expect(returnPathOf({ pathname: "/projects/a", search: "?tab=keys&_rsc=1" })).toBe(
      "/projects/a?tab=keys",
    );
  });

  it("builds sign-in links that carry only safe targets", () => {
    expect(signInPathFor("/projects/a?tab=keys")).toBe(
      "/sign-in?next=%2Fprojects%2Fa%3Ftab%3Dkeys",
    );
    expect(signInPathFor("//evil.example")).toBe("/sign-in");
    expect(withNextPath("/sign-up", null)).toBe("/sign-up");
  });
});
