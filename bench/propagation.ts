/**
 * How long until both web instances refuse a key, with their caches warm: after an early
 * revocation (revokePreviousKey, what the "Revoke now" action calls), and after an expiry
 * reached by the clock. Each trial polls both instances every 10 ms.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { revokePreviousKey } from "@/lib/rotation/revoke-key";
import { rotateKey } from "@/lib/rotation/rotate-key";
import { publishKeyInvalidation } from "@/lib/verification/publish-invalidation";
import { ownedProject } from "./bench-owner";
import type { Cluster } from "./cluster";
import { percentile, sleep } from "./samples";

export type PropagationFigures = {
  trials: number;
  pollEveryMs: number;
  medianMs: number;
  maxMs: number;
  /** Answers of 401 before the key had stopped working: must be 0. */
  earlyRefusals: number;
  allMs: number[];
};

const POLL_MS = 10;
const GIVE_UP_MS = 5_000;
const EXPIRY_LEAD_MS = 1_500;

async function status(baseUrl: string, key: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/keys/self`, { headers: { "x-api-key": key } });
  await response.body?.cancel();
  return response.status;
}

/** Polls every instance every POLL_MS; the time (ms since `from`) each first answered 401. */
async function timesUntilRefused(cluster: Cluster, key: string, from: number) {
  const refusedAt: (number | null)[] = cluster.web.map(() => null);
  for (let tick = 0; Date.now() - from < GIVE_UP_MS; tick += 1) {
    await Promise.all(
      cluster.web.map(async (server, i) => {
        if (refusedAt[i] !== null) return;
        if ((await status(server.url, key)) === 401) refusedAt[i] = Date.now() - from;
      }),
    );
    if (refusedAt.every((at) => at !== null)) return refusedAt as number[];
    await sleep(Math.max(0, from + (tick + 1) * POLL_MS - Date.now()));
  }
  return refusedAt.map((at) => at ?? Number.POSITIVE_INFINITY);
}

/** A project whose old secret key is in grace, warm in every instance's cache. */
async function keyInGrace(db: Database, trial: number) {
  const owner = await ownedProject(db, `Bench propagation ${trial}`);
  const input = { projectId: owner.projectId, keyType: "secret", grace: "1h" };
  const rotated = await rotateKey(db, owner.actor, input);
  if (!rotated.ok) throw new Error(rotated.error.message);
  return { owner, oldKey: owner.keys.secret, oldKeyId: rotated.oldKey.id };
}

async function warm(cluster: Cluster, key: string): Promise<void> {
  for (const server of cluster.web) {
    if ((await status(server.url, key)) !== 200) throw new Error("the key in grace was refused");
  }
}

async function revocationTrial(db: Database, cluster: Cluster, trial: number) {
  const { owner, oldKey, oldKeyId } = await keyInGrace(db, trial);
  await warm(cluster, oldKey);
  const from = Date.now();
  const polling = timesUntilRefused(cluster, oldKey, from);
  const revoked = await revokePreviousKey(db, owner.actor, {
    projectId: owner.projectId,
    keyId: oldKeyId,
  });
  if (!revoked.ok) throw new Error(revoked.error.message);
  return { ms: Math.max(...(await polling)), early: 0 };
}

// The clock does the work here: the key's expiry is brought to a moment in the near future
// (standing in for the hour of grace) and every cache is told once, as a rotation would.
async function expiryTrial(db: Database, cluster: Cluster, trial: number) {
  const { oldKey, oldKeyId } = await keyInGrace(db, trial);
  const [row] = await db
    .update(apiKeys)
    .set({ expiresAt: sql`now() + ${`${EXPIRY_LEAD_MS} milliseconds`}::interval` })
    .where(eq(apiKeys.id, oldKeyId))
    .returning({ expiresAt: apiKeys.expiresAt });
  await publishKeyInvalidation(oldKeyId);
  await sleep(100);
  await warm(cluster, oldKey);

  const expiresAt = row?.expiresAt?.getTime() ?? Number.NaN;
  const from = Date.now();
  const refusedAt = (await timesUntilRefused(cluster, oldKey, from)).map((ms) => from + ms);
  return {
    ms: Math.max(...refusedAt) - expiresAt,
    early: refusedAt.filter((at) => at < expiresAt).length,
  };
}

export async function propagation(
  db: Database,
  cluster: Cluster,
  kind: "revocation" | "expiry",
  trials: number,
): Promise<PropagationFigures> {
  const allMs: number[] = [];
  let earlyRefusals = 0;
  for (let trial = 0; trial < trials; trial += 1) {
    const outcome = await (kind === "revocation" ? revocationTrial : expiryTrial)(
      db,
      cluster,
      trial,
    );
    allMs.push(outcome.ms);
    earlyRefusals += outcome.early;
  }
  return {
    trials,
    pollEveryMs: POLL_MS,
    medianMs: percentile(allMs, 50),
    maxMs: Math.max(...allMs),
    earlyRefusals,
    allMs,
  };
}
