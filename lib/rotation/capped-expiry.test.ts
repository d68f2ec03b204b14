import { describe, expect, it } from "vitest";
import { cappedExpiry } from "./capped-expiry";
import { GRACE_PERIODS } from "./grace-periods";

const now = new Date("2026-03-01T12:00:00.000Z");

describe("cappedExpiry", () => {
  it("gives now plus the grace for a key that had no expiry", () => {
    expect(cappedExpiry(null, now, 3600).toISOString()).toBe("2026-03-01T13:00:00.000Z");
  });

  it("gives exactly now for a grace of zero", () => {
    expect(cappedExpiry(null, now, 0).getTime()).toBe(now.getTime());
  });

  it("maps every grace choice to its UTC instant", () => {
    const expected = {
      immediately: "2026-03-01T12:00:00.000Z",
      "1h": "2026-03-01T13:00:00.000Z",
      "24h": "2026-03-02T12:00:00.000Z",
      "7d": "2026-03-08T12:00:00.000Z",
    };
    for (const period of GRACE_PERIODS) {
      expect(cappedExpiry(null, now, period.seconds).toISOString()).toBe(expected[period.id]);
    }
  });

  it("keeps an earlier expiry instead of extending it", () => {
    const earlier = new Date("2026-03-01T12:30:00.000Z");
    expect(cappedExpiry(earlier, now, 24 * 3600)).toBe(earlier);
  });

  it("shortens a later expiry down to now plus the grace", () => {
    const later = new Date("2026-03-05T00:00:00.000Z");
    expect(cappedExpiry(later, now, 3600).toISOString()).toBe("2026-03-01T13:00:00.000Z");
  });

  it("refuses a negative or fractional grace", () => {
    expect(() => cappedExpiry(null, now, -1)).toThrow(RangeError);
    expect(() => cappedExpiry(null, now, 0.5)).toThrow(RangeError);
  });
});
