import { describe, expect, it } from "vitest";
import { deprecationHeaders } from "./deprecation-headers";

describe("deprecationHeaders", () => {
  it("formats Deprecation as an RFC 9745 structured date and Sunset as an HTTP date", () => {
    const headers = deprecationHeaders({
      deprecatedAtMs: Date.parse("2025-03-04T05:06:07.890Z"),
      expiresAtMs: Date.parse("2025-03-05T05:06:07.890Z"),
    });
    expect(headers).toEqual({
      Deprecation: `@${Date.parse("2025-03-04T05:06:07Z") / 1000}`,
      Sunset: "Wed, 05 Mar 2025 05:06:07 GMT",
    });
  });

  it("leaves out what it does not know", () => {
    expect(deprecationHeaders({ deprecatedAtMs: null, expiresAtMs: null })).toEqual({});
    expect(deprecationHeaders({ deprecatedAtMs: null, expiresAtMs: 0 })).toEqual({
      Sunset: "Thu, 01 Jan 1970 00:00:00 GMT",
    });
  });
});
