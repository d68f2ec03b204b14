import { describe, expect, it } from "vitest";
import { auditCsvHeader, auditEventsToCsv, csvCell, csvRow } from "./audit-csv";
import { auditCsvFilename } from "./audit-csv-stream";
import type { AuditEventView } from "./audit-event-view";

describe("csvCell", () => {
  it("leaves plain values alone", () => {
    expect(csvCell("api_key.rotated")).toBe("api_key.rotated");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\r\nlf")).toBe('"cr\r\nlf"');
  });

  it.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", '"\'\rcmd"'],
  ])("neutralises a formula in %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("does not touch those characters elsewhere in a value", () => {
    expect(csvCell("a=b+c-d@e")).toBe("a=b+c-d@e");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });
});

describe("auditEventsToCsv", () => {
  const event: AuditEventView = {
    id: 1,
    time: "2026-12-03 13:00:00 UTC",
    action: "api_key.rotated",
    actionLabel: "Key rotated",
    actor: "=cmd|' /C calc'!A0",
    actorId: "u1",
    ipAddress: "203.0.113.7",
    userAgent: "Mozilla/5.0 (X11, Linux)",
    browser: "",
    keyType: "secret",
    key: "sk_live_…abcd",
    details: "grace 24 hours; old key stops 2026-12-04 13:00:00 UTC",
  };

  it("writes a header and one quoted, neutralised line per event", () => {
    const csv = auditEventsToCsv([event]);
    const [header, line, rest] = csv.split("\r\n");

    expect(`${header}\r\n`).toBe(auditCsvHeader());
    expect(header).toBe(
      "time_utc,action,actor,actor_id,ip_address,user_agent,key_type,key,details",
    );
    expect(line).toBe(
      "2026-12-03 13:00:00 UTC,api_key.rotated,'=cmd|' /C calc'!A0,u1,203.0.113.7," +
        '"Mozilla/5.0 (X11, Linux)",secret,sk_live_…abcd,' +
        "grace 24 hours; old key stops 2026-12-04 13:00:00 UTC",
    );
    expect(rest).toBe("");
  });
});

describe("auditCsvFilename", () => {
  const day = new Date("2026-12-03T23:59:59Z");

  it("names the project and the UTC day, with nothing a header could choke on", () => {
    expect(auditCsvFilename('Shop "Prod"; =evil\r\n', day)).toBe(
      "rekey-audit-shop-prod-evil-2026-12-03.csv",
    );
  });

  it("falls back when the name has no letters or digits", () => {
    expect(auditCsvFilename("★★★", day)).toBe("rekey-audit-project-2026-12-03.csv");
  });
});
