import { describe, expect, it } from "vitest";
import { EXPIRED_LABEL, formatCountdown, secondsLeft } from "./countdown";

const now = Date.parse("2026-03-01T12:00:00.000Z");
const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;

describe("formatCountdown", () => {
  it("shows a fresh 24-hour grace as a day, then counts down second by second", () => {
    expect(formatCountdown(now + 24 * HOUR, now)).toBe("1d 0h 0m 0s");
    expect(formatCountdown(now + 24 * HOUR, now + 1)).toBe("1d 0h 0m 0s");
    expect(formatCountdown(now + 24 * HOUR, now + SECOND)).toBe("23h 59m 59s");
    expect(formatCountdown(now + 24 * HOUR, now + 2 * SECOND)).toBe("23h 59m 58s");
  });

  it("starts from days for a 7-day grace and keeps zero units in the middle", () => {
    expect(formatCountdown(now + 7 * 24 * HOUR, now + SECOND)).toBe("6d 23h 59m 59s");
    expect(formatCountdown(now + 24 * HOUR + 5 * SECOND, now)).toBe("1d 0h 0m 5s");
  });

  it("drops leading units that are zero", () => {
    expect(formatCountdown(now + 61 * SECOND, now)).toBe("1m 1s");
    expect(formatCountdown(now + 42 * SECOND, now)).toBe("42s");
  });

  it("shows 1s until the very instant of expiry, then Expired", () => {
    expect(formatCountdown(now + SECOND, now + 1)).toBe("1s");
    expect(formatCountdown(now + 1, now)).toBe("1s");
    expect(formatCountdown(now, now)).toBe(EXPIRED_LABEL);
    expect(formatCountdown(now - 5 * HOUR, now)).toBe("Expired");
  });
});

describe("secondsLeft", () => {
  it("rounds up and never goes below zero", () => {
    expect(secondsLeft(now + 1500, now)).toBe(2);
    expect(secondsLeft(now + 1000, now)).toBe(1);
    expect(secondsLeft(now - 1000, now)).toBe(0);
  });
});
