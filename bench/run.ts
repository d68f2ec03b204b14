/**
 * `npm run bench`: the cost of key verification. Serves the production build on its own
 * database and Redis db, seeds a project, then loads two routes with autocannon, one after
 * the other (A B B A, half the time each): `GET /api/health/live` (no I/O) and
 * `GET /api/keys/self` with a warm publishable key. Prints req/s, p50, p99 and the server's
 * CPU time per request of each, their ratio (target >= 0.9), and writes
 * bench/results/<ISO date>.json and bench/results/latest.md.
 *
 * Settings (environment): BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/
 * rekey_bench), BENCH_REDIS_URL (redis://127.0.0.1:6379/15), BENCH_PORT (3190),
 * BENCH_DIST_DIR (.next-bench, built when empty), BENCH_SECONDS (10), BENCH_CONNECTIONS (10).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import autocannon from "autocannon";
import { createConnection } from "@/db/client";
import { applyMigrations, ensureDatabase } from "@/db/migrate";
import { removeProjects, seedProject } from "@/tests/api/support/seed";
import { assertLocal } from "@/tests/support/test-env";
import { type BenchServer, buildIfMissing, startBenchServer } from "./bench-server";
import { processCpuMs } from "./process-cpu";
import {
  type BenchReport,
  cpuPerRequest,
  figuresOf,
  type Run,
  requestsPerSecond,
  toMarkdown,
  writeReport,
} from "./report";

const TARGET_RATIO = 0.9;
const WARM_UP_SECONDS = 2;
const RESULTS = path.join(process.cwd(), "bench", "results");

function settings() {
  const env = process.env;
  return {
    databaseUrl: env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/rekey_bench",
    redisUrl: env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/15",
    port: Number(env.BENCH_PORT ?? 3190),
    distDir: env.BENCH_DIST_DIR ?? ".next-bench",
    seconds: Number(env.BENCH_SECONDS ?? 10),
    connections: Number(env.BENCH_CONNECTIONS ?? 10),
  };
}

type Target = { url: string; key?: string; serverPid: number };

/** One autocannon run, with the server CPU time it cost. */
async function load(target: Target, seconds: number, connections: number): Promise<Run> {
  const headers = target.key ? { "x-api-key": target.key } : undefined;
  const cpuBefore = processCpuMs(target.serverPid);
  const result = await autocannon({ url: target.url, connections, duration: seconds, headers });
  const serverCpuMs = processCpuMs(target.serverPid) - cpuBefore;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { ...result, serverCpuMs };
}

/**
 * Each route runs twice for half the time, in the order A B B A, so that drift on a shared
 * machine (other processes, JIT, GC) weighs on both routes alike.
 */
async function measure(server: BenchServer, key: string, config: ReturnType<typeof settings>) {
  const live = { url: `${server.url}/api/health/live`, serverPid: server.pid };
  const self = { url: `${server.url}/api/keys/self`, key, serverPid: server.pid };
  const half = config.seconds / 2;

  // Warms the JIT, the route bundles, the pool and the key cache before anything counts.
  await load(live, WARM_UP_SECONDS, config.connections);
  await load(self, WARM_UP_SECONDS, config.connections);

  const liveFirst = await load(live, half, config.connections);
  const selfFirst = await load(self, half, config.connections);
  const selfSecond = await load(self, half, config.connections);
  const liveSecond = await load(live, half, config.connections);
  return { liveness: [liveFirst, liveSecond], verified: [selfFirst, selfSecond] };
}

async function main(): Promise<void> {
  const config = settings();
  assertLocal(config.databaseUrl);
  assertLocal(config.redisUrl);
  buildIfMissing(config.distDir);

  await ensureDatabase(config.databaseUrl);
  await applyMigrations(config.databaseUrl);
  process.env.DATABASE_URL = config.databaseUrl;
  const { sql, db } = createConnection(config.databaseUrl, 2);
  const seeded = await seedProject(db);

  const server = await startBenchServer({
    port: config.port,
    distDir: config.distDir,
    logFile: path.join(RESULTS, "server.log.tmp"),
    env: {
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      LOG_LEVEL: "info",
    },
  });

  try {
    const { liveness, verified } = await measure(server, seeded.keys.publishable, config);
    const report: BenchReport = {
      date: new Date().toISOString(),
      connections: config.connections,
      durationSeconds: config.seconds,
      node: process.version,
      liveness: figuresOf("GET /api/health/live", liveness),
      verified: figuresOf("GET /api/keys/self (publishable, warm)", verified),
      ratio: requestsPerSecond(verified) / requestsPerSecond(liveness),
      cpuRatio: cpuPerRequest(liveness) / cpuPerRequest(verified),
      target: TARGET_RATIO,
    };
    console.log(`\n${toMarkdown(report)}`);
    console.log(`bench: wrote ${writeReport(RESULTS, report)} and bench/results/latest.md`);
  } finally {
    await server.stop();
    await removeProjects(db, [seeded]);
    await sql.end();
  }
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exit(1);
});
