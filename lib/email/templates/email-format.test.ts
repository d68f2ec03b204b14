import { describe, expect, it } from "vitest";
import { describeGrace, formatRelative, formatUtc, formatWhen, projectLinks } from "./email-format";
import { escapeHtml } from "./escape-html";

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("time formats", () => {
  const now = new Date("2026-12-03T13:00:00Z");

  it("formats UTC regardless of the machine's zone", () => {
    expect(formatUtc("2026-12-03T13:00:05.123Z")).toBe("2026-12-03 13:00:05 UTC");
  });

  it("says past and future relative to now", () => {
    expect(formatRelative("2026-12-04T13:00:00Z", now)).toBe("in 1 day");
    expect(formatRelative("2026-12-03T12:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelative(now, now)).toBe("now");
    expect(formatWhen("2026-12-03T14:00:00Z", now)).toBe("2026-12-03 14:00:00 UTC (in 1 hour)");
  });
});

describe("describeGrace", () => {
  it("uses the labels the owner chose from", () => {
    expect(describeGrace(0)).toBe("none (revoked at once)");
    expect(describeGrace(3600)).toBe("1 hour");
    expect(describeGrace(86400)).toBe("24 hours");
    expect(describeGrace(7 * 86400)).toBe("7 days");
  });

  it("falls back to the largest whole unit", () => {
    expect(describeGrace(90 * 60)).toBe("90 minutes");
    expect(describeGrace(2 * 86400)).toBe("2 days");
    expect(describeGrace(61)).toBe("61 seconds");
  });
});

describe("projectLinks", () => {
  it("builds absolute links without doubled slashes", () => {
    expect(projectLinks("http://localhost:3000/", "p1")).toEqual({
      settings: "http://localhost:3000/projects/p1/settings",
      audit: "http://localhost:3000/projects/p1/audit",
    });
  });
});
