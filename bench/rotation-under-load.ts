/**
 * Rotation under load: clients hammer both web instances with the project's secret key;
 * mid-run the key is rotated with a 1-hour grace through rotateKey (what the settings
 * action calls), and more clients start with the new key. Every answer should be a 2xx;
 * the latency in the second after the rotation is set against the seconds before it.
 */
import type { Database } from "@/db/client";
import { rotateKey } from "@/lib/rotation/rotate-key";
import { ownedProject } from "./bench-owner";
import type { Cluster } from "./cluster";
import { type LatencySummary, loadWithSamples, type Sample, sleep, summarise } from "./samples";

export type RotationFigures = {
  seconds: number;
  rotatedAfterMs: number;
  rotationMs: number;
  requests: Record<"oldKey" | "newKey", number>;
  non2xx: Record<"oldKey" | "newKey", number>;
  errors: number;
  before: LatencySummary;
  around: LatencySummary;
  p99Ratio: number;
};

const CONNECTIONS_PER_INSTANCE = 4;
const BEFORE_MS = 3_000;
const AROUND_MS = 1_000;

function load(cluster: Cluster, label: string, key: string, seconds: number, samples: Sample[]) {
  return Promise.all(
    cluster.web.map((server) =>
      loadWithSamples(
        label,
        {
          url: `${server.url}/api/keys/self`,
          connections: CONNECTIONS_PER_INSTANCE,
          duration: seconds,
          headers: { "x-api-key": key },
        },
        samples,
      ),
    ),
  );
}

export async function rotationUnderLoad(
  db: Database,
  cluster: Cluster,
  seconds: number,
): Promise<RotationFigures> {
  const owner = await ownedProject(db, "Bench rotation under load");
  const samples: Sample[] = [];
  const started = Date.now();
  const oldKeyLoad = load(cluster, "oldKey", owner.keys.secret, seconds, samples);

  await sleep(seconds * 400);
  const rotatedAt = Date.now();
  const input = { projectId: owner.projectId, keyType: "secret", grace: "1h" };
  const result = await rotateKey(db, owner.actor, input);
  if (!result.ok) throw new Error(`rotation refused: ${result.error.message}`);
  const rotationMs = Date.now() - rotatedAt;

  const remaining = Math.max(1, Math.round((started + seconds * 1000 - Date.now()) / 1000));
  const newKeyLoad = load(cluster, "newKey", result.key, remaining, samples);
  const results = [...(await oldKeyLoad), ...(await newKeyLoad)];
  return figures(samples, rotatedAt, { seconds, started, rotationMs, results });
}

function figures(
  samples: Sample[],
  rotatedAt: number,
  run: { seconds: number; started: number; rotationMs: number; results: { errors: number }[] },
): RotationFigures {
  const count = (label: string, bad: boolean) =>
    samples.filter((s) => s.label === label && (s.status < 200 || s.status > 299) === bad).length;
  const within = (from: number, to: number) =>
    samples.filter((s) => s.atMs >= from && s.atMs < to).map((s) => s.latencyMs);
  const before = summarise(within(rotatedAt - BEFORE_MS, rotatedAt));
  const around = summarise(within(rotatedAt, rotatedAt + AROUND_MS));
  return {
    seconds: run.seconds,
    rotatedAfterMs: rotatedAt - run.started,
    rotationMs: run.rotationMs,
    requests: {
      oldKey: samples.filter((s) => s.label === "oldKey").length,
      newKey: samples.filter((s) => s.label === "newKey").length,
    },
    non2xx: { oldKey: count("oldKey", true), newKey: count("newKey", true) },
    errors: run.results.reduce((total, r) => total + r.errors, 0),
    before,
    around,
    p99Ratio: Math.round((around.p99Ms / before.p99Ms) * 100) / 100,
  };
}
