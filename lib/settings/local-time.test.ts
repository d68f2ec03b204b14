import { describe, expect, it } from "vitest";
import { formatLocalDateTime } from "./local-time";

const at = new Date("2026-03-03T13:32:00.000Z");

describe("formatLocalDateTime", () => {
  it("writes the moment in the viewer's zone and names the zone", () => {
    const berlin = formatLocalDateTime(at, { locale: "en-GB", timeZone: "Europe/Berlin" });
    expect(berlin).toBe("Tue, 3 Mar 2026, 14:32 CET");

    const utc = formatLocalDateTime(at, { locale: "en-GB", timeZone: "UTC" });
    expect(utc).toBe("Tue, 3 Mar 2026, 13:32 UTC");
  });

  it("crosses the date line when the zone does", () => {
    const tokyo = formatLocalDateTime(new Date("2026-03-03T20:00:00.000Z"), {
      locale: "en-GB",
      timeZone: "Asia/Tokyo",
    });
    expect(tokyo).toMatch(/^Wed, 4 Mar 2026, 05:00 /);
  });
});

describe("formatLocalDateTime styles", () => {
  it("drops the weekday for records and the year and zone next to a choice", () => {
    const options = { locale: "en-GB", timeZone: "Europe/Berlin" } as const;
    expect(formatLocalDateTime(at, { ...options, style: "dated" })).toBe("3 Mar 2026, 14:32 CET");
    expect(formatLocalDateTime(at, { ...options, style: "brief" })).toBe("Tue 3 Mar, 14:32");
  });
});
