import { describe, expect, it } from "vitest";
import type { ApiKey } from "@/db/api-keys";
import type { KeyUsage } from "@/lib/usage/get-key-usage";
import { buildKeyPanels } from "./key-panel-view";

const now = new Date("2026-03-01T12:00:00.000Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60 * 1000);
const PROJECT_ID = "11111111-1111-4111-8111-111111111111";

let sequence = 0;
function key(overrides: Partial<ApiKey> & Pick<ApiKey, "type">): ApiKey {
  sequence += 1;
  const id = `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`;
  return {
    id,
    projectId: PROJECT_ID,
    hash: `hash-${sequence}`,
    publicValue: null,
    prefix: overrides.type === "secret" ? "sk_live_" : "pk_live_",
    lastFour: `k${String(sequence).padStart(3, "0")}`,
    createdBy: null,
    createdAt: at(-1000 + sequence),
    deprecatedAt: null,
    expiresAt: null,
    revokedAt: null,
    retiredAt: null,
    lastUsedAt: null,
    requestsLastHour: 0,
    usageFlushedAt: null,
    ...overrides,
  };
}

describe("buildKeyPanels", () => {
  const currentSecret = key({ type: "secret" });
  const currentPublishable = key({ type: "publishable", publicValue: "pk_live_full" });
  const laterGrace = key({ type: "secret", deprecatedAt: at(-5), expiresAt: at(24 * 60) });
  const soonerGrace = key({ type: "secret", deprecatedAt: at(-50), expiresAt: at(10) });
  const revoked = key({ type: "secret", expiresAt: at(60), revokedAt: at(-1) });
  const expired = key({ type: "secret", expiresAt: at(-1) });
  const oldPublishable = key({
    type: "publishable",
    publicValue: "pk_live_old_full",
    deprecatedAt: at(-1),
    expiresAt: at(59),
  });
  const keys = [currentSecret, currentPublishable, laterGrace, soonerGrace, revoked, expired];

  it("gives one panel per type: the current key, then keys in grace, soonest first", () => {
    const [publishable, secret] = buildKeyPanels([...keys, oldPublishable], [], now);

    expect(publishable?.type).toBe("publishable");
    expect(publishable?.current?.id).toBe(currentPublishable.id);
    expect(publishable?.inGrace.map((k) => k.id)).toEqual([oldPublishable.id]);

    expect(secret?.type).toBe("secret");
    expect(secret?.current?.id).toBe(currentSecret.id);
    expect(secret?.inGrace.map((k) => k.id)).toEqual([soonerGrace.id, laterGrace.id]);
    expect(secret?.inGrace[0]).toMatchObject({
      expiresAt: "2026-03-01T12:10:00.000Z",
      deprecatedAt: "2026-03-01T11:10:00.000Z",
    });
  });

  it("leaves out revoked keys and keys whose expiry has passed, even by a millisecond", () => {
    const edge = key({ type: "secret", expiresAt: now });
    const [, secret] = buildKeyPanels([...keys, edge], [], now);
    const ids = secret?.inGrace.map((k) => k.id) ?? [];
    expect(ids).not.toContain(revoked.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).not.toContain(edge.id);
  });

  it("shows a publishable key in full only while it is current; never a secret key", () => {
    const [publishable, secret] = buildKeyPanels([...keys, oldPublishable], [], now);
    expect(publishable?.current?.publicValue).toBe("pk_live_full");
    expect(publishable?.inGrace[0]?.publicValue).toBeNull();

    const leaky = key({ type: "secret", publicValue: "sk_live_should_never_show" });
    const [, withLeak] = buildKeyPanels([leaky], [], now);
    expect(withLeak?.current?.publicValue).toBeNull();
    expect(JSON.stringify(secret)).not.toContain("hash-");
  });

  it("joins each key's usage by id and defaults to never used", () => {
    const usage: KeyUsage[] = [
      { keyId: laterGrace.id, lastUsedAt: at(-4), requestsLastHour: 17, source: "live" },
    ];
    const [, secret] = buildKeyPanels(keys, usage, now);
    const grace = secret?.inGrace.find((k) => k.id === laterGrace.id);
    expect(grace).toMatchObject({ lastUsedAt: "2026-03-01T11:56:00.000Z", requestsLastHour: 17 });
    expect(secret?.current).toMatchObject({ lastUsedAt: null, requestsLastHour: 0 });
  });

  it("has no current key for a type the project lacks", () => {
    const [publishable] = buildKeyPanels([currentSecret], [], now);
    expect(publishable).toEqual({ type: "publishable", current: null, inGrace: [] });
  });
});
