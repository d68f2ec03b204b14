import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { GRACE_PERIODS } from "./grace-periods";
import { rotateKey } from "./rotate-key";
import { ROTATIONS_PER_HOUR } from "./rotation-rate-limit";
import {
  auditOf,
  closeAppConnections,
  createTestProject,
  keysOf,
  removeTestData,
  signUpDeveloper,
  verdictAt,
} from "./test-fixtures";

const projectIds: string[] = [];
const developerIds: string[] = [];

afterAll(async () => {
  await removeTestData(projectIds, developerIds);
  await closeAppConnections();
});

describe("concurrent rotations", () => {
  it("20 simultaneous secret rotations finish cleanly and leave one current key", async () => {
    const developer = await signUpDeveloper();
    developerIds.push(developer.actor.id);
    const { project } = await createTestProject(developer);
    projectIds.push(project.id);
    const publishableBefore = (await keysOf(project.id)).find((k) => k.type === "publishable");

    // Grace choices in turn, so that later rotations pick both longer and shorter graces.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rotateKey(getDb(), developer.actor, {
          projectId: project.id,
          keyType: "secret",
          grace: GRACE_PERIODS[i % GRACE_PERIODS.length]?.id,
        }),
      ),
    );

    const accepted = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(accepted).toHaveLength(ROTATIONS_PER_HOUR);
    expect(refused.map((r) => !r.ok && r.error.code)).toEqual(
      Array(20 - ROTATIONS_PER_HOUR).fill("rate_limited"),
    );

    const secretKeys = (await keysOf(project.id)).filter((k) => k.type === "secret");
    const current = secretKeys.filter((k) => k.expiresAt === null && k.revokedAt === null);
    expect(current).toHaveLength(1);
    expect(secretKeys).toHaveLength(ROTATIONS_PER_HOUR + 1);

    // Each replaced key expires no later than its own rotation time plus its own grace.
    const rotations = (await auditOf(project.id)).filter((e) => e.action === "api_key.rotated");
    expect(rotations).toHaveLength(ROTATIONS_PER_HOUR);
    for (const key of secretKeys.filter((k) => k !== current[0])) {
      const event = rotations.find((e) => e.keyId === key.id);
      const limit = (key.deprecatedAt?.getTime() ?? 0) + (event?.graceSeconds ?? -1) * 1000;
      expect(key.expiresAt?.getTime()).toBeLessThanOrEqual(limit);
      expect(event?.keyExpiresAt?.getTime()).toBe(key.expiresAt?.getTime());
    }

    // The rotations formed one chain: each replaced the key the previous one created.
    const newIds = new Set(accepted.map((r) => r.ok && r.newKey.id));
    expect(newIds.size).toBe(ROTATIONS_PER_HOUR);
    expect(newIds.has(current[0]?.id ?? "")).toBe(true);
    const replacedIds = new Set(accepted.map((r) => r.ok && r.oldKey.id));
    expect(replacedIds.size).toBe(ROTATIONS_PER_HOUR);
    const last = accepted.find((r) => r.ok && r.newKey.id === current[0]?.id);
    if (last?.ok) expect(await verdictAt(last.key, Date.now())).toBe("current");

    const publishableAfter = (await keysOf(project.id)).find((k) => k.type === "publishable");
    expect(publishableAfter).toEqual(publishableBefore);
  });
});
