/**
 * `npm run bench`: Rekey under load, in one go, against production builds: two web
 * instances (ports BENCH_PORT and BENCH_PORT + 1) and one worker on one Postgres and one
 * Redis, the load generator on the same machine. Writes bench/results/<ISO date>.json and
 * bench/results/latest.md (quoted by docs/benchmarks.md). About ten minutes on 2 cores.
 *
 * 1. Throughput: `GET /api/health/live` (no I/O), `GET /api/keys/self` with a warm key and a
 *    verified document read, mirrored order, req/s, p50, p99 and server CPU per request;
 *    ratios against liveness (target >= 0.9 for the verified route).
 * 2. Rotation under load (bench/rotation-under-load.ts), 3. revocation and expiry
 *    propagation (bench/propagation.ts), 4. cold verification with a million keys and memory
 *    after 100,000 distinct keys (bench/cold-verification.ts), 5. 10,000 keys expiring
 *    together (bench/worker-expiry.ts).
 *
 * The bench database is dropped and made again on every run, and the bench Redis db is
 * flushed: point them at nothing else. Settings (environment): BENCH_DATABASE_URL
 * (postgres://postgres@127.0.0.1:5432/rekey_bench), BENCH_REDIS_URL
 * (redis://127.0.0.1:6379/15), BENCH_PORT (3190), BENCH_DIST_DIR (.next-bench, built when
 * empty), BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_TRIALS (20), BENCH_COLD_KEYS
 * (1000000), BENCH_DISTINCT_KEYS (100000), BENCH_EXPIRING_KEYS (10000).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { Redis } from "ioredis";
import postgres from "postgres";
import { createConnection, type Database } from "@/db/client";
import { applyMigrations, ensureDatabase } from "@/db/migrate";
import { closeEmailQueue } from "@/lib/email/email-queue";
import { closeRedis } from "@/lib/redis";
import { seedProject } from "@/tests/api/support/seed";
import { assertLocal } from "@/tests/support/test-env";
import { closeCleanupQueue } from "@/workers/key-rotation-cleanup/cleanup.queue";
import { type BenchServer, buildIfMissing } from "./bench-server";
import { type Cluster, startCluster, stopCluster } from "./cluster";
import { coldVerification } from "./cold-verification";
import { processCpuMs } from "./process-cpu";
import { propagation } from "./propagation";
import {
  type BenchReport,
  cpuPerRequest,
  figuresOf,
  type Run,
  requestsPerSecond,
  toMarkdown,
  writeReport,
} from "./report";
import { rotationUnderLoad } from "./rotation-under-load";
import { COLD_OWNER_ID, seedColdKeys } from "./seed-keys";
import { workerExpiry } from "./worker-expiry";

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
    trials: Number(env.BENCH_TRIALS ?? 20),
    coldKeys: Number(env.BENCH_COLD_KEYS ?? 1_000_000),
    distinctKeys: Number(env.BENCH_DISTINCT_KEYS ?? 100_000),
    expiringKeys: Number(env.BENCH_EXPIRING_KEYS ?? 10_000),
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
 * Each route runs twice for half the time, in mirrored order (A B C C B A), so that drift on
 * a shared machine (other processes, JIT, GC) weighs on every route alike.
 */
async function measure(
  server: BenchServer,
  keys: { key: string; documentPath: string },
  config: ReturnType<typeof settings>,
) {
  const live = { url: `${server.url}/api/health/live`, serverPid: server.pid };
  const self = { url: `${server.url}/api/keys/self`, key: keys.key, serverPid: server.pid };
  const doc = { url: `${server.url}${keys.documentPath}`, key: keys.key, serverPid: server.pid };
  const half = config.seconds / 2;

  // Warms the JIT, the route bundles, the pool and the key cache before anything counts.
  for (const target of [live, self, doc]) await load(target, WARM_UP_SECONDS, config.connections);

  const runs: Run[] = [];
  for (const target of [live, self, doc, doc, self, live]) {
    runs.push(await load(target, half, config.connections));
  }
  const [l1, s1, d1, d2, s2, l2] = runs as [Run, Run, Run, Run, Run, Run];
  return { liveness: [l1, l2], verified: [s1, s2], documentRead: [d1, d2] };
}

/** The bench's own database, dropped and made again, so that every run seeds the same. */
async function resetDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists "${name.replaceAll('"', "")}" with (force)`);
  await sql.end();
  await ensureDatabase(url);
  await applyMigrations(url);
}

async function prepare(config: ReturnType<typeof settings>, secret: string) {
  assertLocal(config.databaseUrl);
  assertLocal(config.redisUrl);
  buildIfMissing(config.distDir);
  await resetDatabase(config.databaseUrl);
  const redis = new Redis(config.redisUrl);
  await redis.flushdb();
  redis.disconnect();
  // The rotations below run in this process, through the app's own modules.
  Object.assign(process.env, {
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    SESSION_SECRET: secret,
  });
}

async function throughput(db: Database, cluster: Cluster, config: ReturnType<typeof settings>) {
  const seeded = await seedProject(db, { collections: ["posts"] });
  const created = await fetch(`${cluster.web[0].url}/api/data/posts`, {
    method: "POST",
    headers: { "x-api-key": seeded.keys.secret, "content-type": "application/json" },
    body: JSON.stringify({ title: "A document to read", tags: ["bench"], price: 12 }),
  });
  const { data } = (await created.json()) as { data: { _id: string } };
  const keys = { key: seeded.keys.publishable, documentPath: `/api/data/posts/${data._id}` };
  const runs = await measure(cluster.web[0], keys, config);
  return {
    liveness: figuresOf("GET /api/health/live", runs.liveness),
    verified: figuresOf("GET /api/keys/self (publishable, warm)", runs.verified),
    documentRead: figuresOf("GET /api/data/posts/:id (publishable, warm)", runs.documentRead),
    ratio: requestsPerSecond(runs.verified) / requestsPerSecond(runs.liveness),
    documentRatio: requestsPerSecond(runs.documentRead) / requestsPerSecond(runs.liveness),
    cpuRatio: cpuPerRequest(runs.liveness) / cpuPerRequest(runs.verified),
  };
}

async function scale(db: Database, cluster: Cluster, config: ReturnType<typeof settings>) {
  console.log("bench: rotation under load");
  const rotation = await rotationUnderLoad(db, cluster, config.seconds);
  console.log("bench: revocation and expiry propagation");
  const revocation = await propagation(db, cluster, "revocation", config.trials);
  const expiry = await propagation(db, cluster, "expiry", config.trials);
  console.log(`bench: seeding ${config.coldKeys} keys`);
  const seedMs = await seedColdKeys(config.databaseUrl, config.coldKeys);
  console.log("bench: cold verification and memory");
  const cold = await coldVerification(db, cluster.web[0], {
    total: config.coldKeys,
    seedMs,
    distinctKeys: config.distinctKeys,
  });
  console.log(`bench: ${config.expiringKeys} keys expiring together`);
  const projects = await db.execute<{ id: string }>(
    sql`select id from projects where owner_id = ${COLD_OWNER_ID} order by id limit 100`,
  );
  const ids = projects.map((p) => p.id);
  const worker = await workerExpiry(db, ids, config.expiringKeys);
  return { rotation, revocation, expiry, cold, worker };
}

async function main(): Promise<void> {
  const config = settings();
  const secret = randomBytes(32).toString("base64url");
  await prepare(config, secret);
  const { sql: client, db } = createConnection(config.databaseUrl, 4);
  const cluster = await startCluster({
    port: config.port,
    distDir: config.distDir,
    logFolder: RESULTS,
    env: {
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      SESSION_SECRET: secret,
      LOG_LEVEL: "info",
    },
  });

  try {
    console.log("bench: throughput");
    const report: BenchReport = {
      date: new Date().toISOString(),
      connections: config.connections,
      durationSeconds: config.seconds,
      node: process.version,
      target: TARGET_RATIO,
      command: "npm run bench",
      ...(await throughput(db, cluster, config)),
      ...(await scale(db, cluster, config)),
    };
    console.log(`\n${toMarkdown(report)}`);
    console.log(`bench: wrote ${writeReport(RESULTS, report)} and bench/results/latest.md`);
  } finally {
    await stopCluster(cluster);
    await Promise.all([closeEmailQueue(), closeCleanupQueue()]);
    await closeRedis();
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exit(1);
});
