import { describe, expect, it } from "vitest";
import type { KeyExpiredEmail, KeyRevokedEmail, KeyRotatedEmail } from "../email-data.schema";
import { EmailDataError, renderEmail } from "../render-email";
import { renderKeyExpiredEmail } from "./key-expired.template";
import { renderKeyRevokedEmail } from "./key-revoked.template";
import { renderKeyRotatedEmail } from "./key-rotated.template";

const PROJECT_ID = "6f1c1c1e-2b5a-4d35-9b53-0a8c2b1d9e11";
const context = { appUrl: "https://rekey.example.com", now: new Date("2026-12-03T13:00:30Z") };
const CHROME_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Chrome/120.0.0.0 Safari/537.36";

const rotated: KeyRotatedEmail = {
  projectId: PROJECT_ID,
  projectName: "Shop",
  keyType: "secret",
  maskedKey: "sk_live_…abcd",
  newMaskedKey: "sk_live_…wxyz",
  actorEmail: "ann@example.com",
  ipAddress: "203.0.113.9",
  userAgent: CHROME_MAC,
  rotatedAt: "2026-12-03T13:00:00.000Z",
  graceSeconds: 24 * 60 * 60,
  oldKeyExpiresAt: "2026-12-04T13:00:00.000Z",
};

const revoked: KeyRevokedEmail = {
  projectId: PROJECT_ID,
  projectName: "Shop",
  keyType: "publishable",
  maskedKey: "pk_live_…abcd",
  actorEmail: "ann@example.com",
  ipAddress: null,
  userAgent: null,
  revokedAt: "2026-12-03T12:00:00.000Z",
};

const expired: KeyExpiredEmail = {
  projectId: PROJECT_ID,
  projectName: "Shop",
  keyType: "secret",
  maskedKey: "sk_live_…abcd",
  expiredAt: "2026-12-03T13:00:30.000Z",
};

const SETTINGS = `https://rekey.example.com/projects/${PROJECT_ID}/settings`;
const AUDIT = `https://rekey.example.com/projects/${PROJECT_ID}/audit`;

function expectWellFormed(html: string) {
  expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
  expect(html).toContain('<html lang="en">');
  expect(html.trimEnd().endsWith("</html>")).toBe(true);
  for (const tag of ["div", "table", "tr", "td", "p", "a", "ol", "li", "h1", "h2"]) {
    const opened = html.match(new RegExp(`<${tag}[ >]`, "g"))?.length ?? 0;
    const closed = html.match(new RegExp(`</${tag}>`, "g"))?.length ?? 0;
    expect(closed, `<${tag}> closed as often as opened`).toBe(opened);
  }
}

describe("key-rotated email", () => {
  const email = renderKeyRotatedEmail(rotated, context);

  it("names the project, key and actor in the subject and both parts", () => {
    expect(email.subject).toBe("[Rekey] Secret key rotated for Shop");
    for (const part of [email.html, email.text]) {
      expect(part).toContain("sk_live_…abcd");
      expect(part).toContain("sk_live_…wxyz");
      expect(part).toContain("ann@example.com");
      expect(part).toContain("203.0.113.9");
      expect(part).toContain("Chrome 120 on macOS");
    }
  });

  it("says when it happened and when the old key stops, in UTC and relative", () => {
    expect(email.text).toContain("2026-12-03 13:00:00 UTC (30 seconds ago)");
    expect(email.text).toMatch(/Old key stops working: 2026-12-04 13:00:00 UTC \(in 24 hours\)/);
    expect(email.text).toContain("Grace period:          24 hours");
  });

  it("links to the project's settings and audit pages from APP_URL", () => {
    expect(email.html).toContain(`href="${SETTINGS}"`);
    expect(email.html).toContain(`href="${AUDIT}"`);
    expect(email.text).toContain(SETTINGS);
    expect(email.text).toContain(AUDIT);
  });

  it("tells the owner what to do if it was not them", () => {
    expect(email.text).toContain("Was this not you?");
    expect(email.text).toMatch(/1\. Rotate the secret key again right away/);
    expect(email.text).toMatch(/2\. Review the project's audit trail/);
    expect(email.text).toMatch(/3\. Change your Rekey password/);
  });

  it("says the old key was revoked at once when there was no grace", () => {
    const immediate = renderKeyRotatedEmail(
      { ...rotated, graceSeconds: 0, oldKeyExpiresAt: rotated.rotatedAt },
      context,
    );
    expect(immediate.text).toContain("The old key was revoked at once.");
    expect(immediate.text).toContain("Grace period:          none (revoked at once)");
  });

  it("is well-formed HTML", () => {
    expectWellFormed(email.html);
  });
});

describe("escaping", () => {
  const hostile = {
    ...rotated,
    projectName: `<script>alert("x")</script> & 'co'`,
    userAgent: `"><img src=x onerror=alert(1)>`,
  };
  const email = renderKeyRotatedEmail(hostile, context);

  it("escapes every interpolated value in the HTML part", () => {
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;",
    );
    expectWellFormed(email.html);
  });

  it("keeps the subject on one line", () => {
    const email = renderKeyRotatedEmail({ ...rotated, projectName: "A\r\nBcc: x@y.z" }, context);
    expect(email.subject).toBe("[Rekey] Secret key rotated for A Bcc: x@y.z");
  });
});

describe("key-revoked email", () => {
  const email = renderKeyRevokedEmail(revoked, context);

  it("says which key was revoked, by whom, from where and when", () => {
    expect(email.subject).toBe("[Rekey] Old publishable key revoked for Shop");
    expect(email.text).toContain("pk_live_…abcd");
    expect(email.text).toContain("Revoked by:            ann@example.com");
    expect(email.text).toContain("From IP address:       unknown");
    expect(email.text).toContain("Browser:               unknown browser");
    expect(email.text).toContain("2026-12-03 12:00:00 UTC (1 hour ago)");
    expect(email.html).toContain(`href="${SETTINGS}"`);
    expectWellFormed(email.html);
  });
});

describe("key-expired email", () => {
  const email = renderKeyExpiredEmail(expired, context);

  it("says which key expired and when, with links", () => {
    expect(email.subject).toBe("[Rekey] Old secret key expired for Shop");
    expect(email.text).toContain("sk_live_…abcd");
    expect(email.text).toContain("2026-12-03 13:00:30 UTC (now)");
    expect(email.text).toContain(AUDIT);
    expectWellFormed(email.html);
  });
});

describe("renderEmail", () => {
  it("renders a row's data through its template's schema", () => {
    const email = renderEmail("key-expired", expired, context);
    expect(email.subject).toBe("[Rekey] Old secret key expired for Shop");
  });

  it("refuses data that does not match the template, naming the fields", () => {
    expect(() => renderEmail("key-rotated", expired, context)).toThrow(EmailDataError);
    expect(() => renderEmail("key-rotated", expired, context)).toThrow(/newMaskedKey/);
  });

  it("refuses a full key where a masked one belongs", () => {
    const leaky = { ...expired, maskedKey: `sk_live_${"a".repeat(49)}` };
    expect(() => renderEmail("key-expired", leaky, context)).toThrow(/maskedKey/);
  });
});
