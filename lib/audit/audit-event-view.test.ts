import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@/db/audit-events";
import { viewAuditEvent } from "./audit-event-view";

const base: AuditEvent = {
  id: 7,
  projectId: "6f1c1c1e-2b5a-4d35-9b53-0a8c2b1d9e11",
  action: "api_key.rotated",
  actorType: "developer",
  actorId: "u1",
  actorEmail: "ann@example.com",
  ipAddress: "203.0.113.7",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
  keyId: "0d3f2a34-9d2e-4bd0-a6d4-0f3b0f6e1a11",
  keyType: "secret",
  keyPrefix: "sk_live_",
  keyLastFour: "abcd",
  graceSeconds: 86_400,
  keyExpiresAt: new Date("2026-12-04T13:00:00Z"),
  metadata: {},
  createdAt: new Date("2026-12-03T13:00:00.123Z"),
};

describe("viewAuditEvent", () => {
  it("shows a rotation with its actor, masked key, grace and expiry", () => {
    expect(viewAuditEvent(base)).toMatchObject({
      time: "2026-12-03 13:00:00 UTC",
      actionLabel: "Key rotated",
      actor: "ann@example.com",
      browser: "Firefox 126 on Linux",
      keyType: "secret",
      key: "sk_live_…abcd",
      details: "grace 24 hours; old key stops 2026-12-04 13:00:00 UTC",
    });
  });

  it("names the successor a rotation recorded", () => {
    const view = viewAuditEvent({
      ...base,
      metadata: { grace: "24h", newKeyPrefix: "sk_live_", newKeyLastFour: "wxyz" },
    });
    expect(view.details).toBe(
      "new key sk_live_…wxyz; grace 24 hours; old key stops 2026-12-04 13:00:00 UTC",
    );
  });

  it("names the system as the actor of an expiry", () => {
    const expired = viewAuditEvent({
      ...base,
      action: "api_key.expired",
      actorType: "system",
      actorId: null,
      actorEmail: null,
      ipAddress: null,
      userAgent: null,
      graceSeconds: null,
    });
    expect(expired).toMatchObject({
      actor: "System",
      ipAddress: "",
      browser: "",
      details: "old key stops 2026-12-04 13:00:00 UTC",
    });
  });

  it("shows a project's name on its creation", () => {
    const created = viewAuditEvent({
      ...base,
      action: "project.created",
      keyPrefix: null,
      keyLastFour: null,
      keyType: null,
      graceSeconds: null,
      keyExpiresAt: null,
      metadata: { name: "Shop" },
    });
    expect(created).toMatchObject({ key: "", details: "name Shop" });
  });
});
