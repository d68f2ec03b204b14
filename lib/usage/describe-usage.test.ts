import { describe, expect, it } from "vitest";
import { describeKeyUsage } from "./describe-usage";

const now = new Date("2025-06-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("describeKeyUsage", () => {
  it("says how long ago and how many requests", () => {
    expect(describeKeyUsage({ lastUsedAt: ago(3 * 60_000), requestsLastHour: 120 }, now)).toBe(
      "last used 3 minutes ago · 120 requests in the last hour",
    );
    expect(describeKeyUsage({ lastUsedAt: ago(2 * 86_400_000), requestsLastHour: 1 }, now)).toBe(
      "last used 2 days ago · 1 request in the last hour",
    );
  });

  it("says when a key was never used", () => {
    expect(describeKeyUsage({ lastUsedAt: null, requestsLastHour: 0 }, now)).toBe(
      "never used · 0 requests in the last hour",
    );
  });

  it("never speaks of a use in the future", () => {
    expect(describeKeyUsage({ lastUsedAt: ago(-5000), requestsLastHour: 2 }, now)).toBe(
      "last used less than a minute ago · 2 requests in the last hour",
    );
  });
});
