import { describe, expect, it } from "vitest";
import { formatLastUsed, formatTimeAgo } from "./relative-time";

const now = new Date("2026-03-01T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60 * 1000;

describe("formatTimeAgo", () => {
  it("says just now under a minute, and for a moment a little in the future", () => {
    expect(formatTimeAgo(ago(59_999), now)).toBe("just now");
    expect(formatTimeAgo(ago(0), now)).toBe("just now");
    expect(formatTimeAgo(ago(-2000), now)).toBe("just now");
  });

  it("uses whole minutes, hours and days, singular and plural", () => {
    expect(formatTimeAgo(ago(MINUTE), now)).toBe("1 minute ago");
    expect(formatTimeAgo(ago(4 * MINUTE + 59_000), now)).toBe("4 minutes ago");
    expect(formatTimeAgo(ago(60 * MINUTE), now)).toBe("1 hour ago");
    expect(formatTimeAgo(ago(23 * 60 * MINUTE), now)).toBe("23 hours ago");
    expect(formatTimeAgo(ago(24 * 60 * MINUTE), now)).toBe("1 day ago");
    expect(formatTimeAgo(ago(40 * 24 * 60 * MINUTE), now)).toBe("40 days ago");
  });
});

describe("formatLastUsed", () => {
  it("says Never for a key no request carried", () => {
    expect(formatLastUsed(null, now)).toBe("Never");
    expect(formatLastUsed(ago(3 * MINUTE), now)).toBe("3 minutes ago");
  });
});
