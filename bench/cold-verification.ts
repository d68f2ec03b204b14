/**
 * Verification at scale: with a million keys in the table, how long verification takes for
 * keys no cache has seen, and how much memory a web instance holds after seeing 100,000
 * distinct keys (its cache is bounded).
 */
import { execFileSync } from "node:child_process";
import autocannon from "autocannon";
import type { Database } from "@/db/client";
import { KeyCache } from "@/lib/verification/key-cache";
import { verifyApiKey } from "@/lib/verification/verify-api-key";
import type { BenchServer } from "./bench-server";
import { type LatencySummary, summarise } from "./samples";
import { coldKey } from "./seed-keys";

export type ColdFigures = {
  keysInTable: number;
  seedMs: number;
  inProcess: LatencySummary;
  httpCold: LatencySummary;
  httpWarm: LatencySummary;
  rss: { beforeMb: number; afterMb: number; distinctKeys: number; non2xx: number };
};

const IN_PROCESS_LOOKUPS = 5_000;
const HTTP_LOOKUPS = 2_000;

/** A fixed sequence of distinct key numbers spread over the whole table. */
function keyNumbers(count: number, total: number, offset: number): number[] {
  const stride = Math.floor(total / count) - 1;
  return Array.from({ length: count }, (_, i) => (offset + i * stride) % total);
}

/**
 * verifyApiKey itself for keys it has never seen: format check, hashing, a cache miss, one
 * indexed query, storing the entry, judging. One cache, as in a web instance; every key is
 * distinct, so every lookup misses.
 */
async function inProcess(db: Database, total: number): Promise<LatencySummary> {
  const latencies: number[] = [];
  const cache = new KeyCache();
  for (const n of keyNumbers(IN_PROCESS_LOOKUPS + 200, total, 7)) {
    const request = {
      headers: new Headers({ "x-api-key": coldKey(n) }),
      url: new URL("http://b/"),
    };
    const started = performance.now();
    const result = await verifyApiKey(request, "any", { db, cache, now: Date.now });
    latencies.push(performance.now() - started);
    if (!result.ok) throw new Error(`seeded key ${n} was refused: ${result.rejection.reason}`);
  }
  // The first lookups warm the JIT and the pool.
  return summarise(latencies.slice(200));
}

/** One connection, so that latency is the server's, not the queue's. */
async function overHttp(server: BenchServer, keys: () => string): Promise<LatencySummary> {
  const latencies: number[] = [];
  let refused = 0;
  const instance = autocannon({
    url: `${server.url}/api/keys/self`,
    connections: 1,
    amount: HTTP_LOOKUPS,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { "x-api-key": keys() } }) }],
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status !== 200) refused += 1;
    latencies.push(ms);
  });
  await instance;
  if (refused > 0) throw new Error(`${refused} seeded keys were refused`);
  return summarise(latencies);
}

/** Resident memory of a process and its children (next start runs the server in a child). */
export function groupRssMb(pid: number): number {
  const out = execFileSync("ps", ["-o", "rss=", "-g", String(pid)], { encoding: "utf8" });
  const kb = out.split("\n").reduce((total, line) => total + (Number(line.trim()) || 0), 0);
  return Math.round(kb / 1024);
}

async function distinctKeys(server: BenchServer, total: number, count: number) {
  const before = groupRssMb(server.pid);
  const numbers = keyNumbers(count, total, 3);
  let next = 0;
  const result = await autocannon({
    url: `${server.url}/api/keys/self`,
    connections: 10,
    amount: count,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: { "x-api-key": coldKey(numbers[next++ % numbers.length] as number) },
        }),
      },
    ],
  });
  const after = groupRssMb(server.pid);
  return { beforeMb: before, afterMb: after, distinctKeys: count, non2xx: result.non2xx };
}

export async function coldVerification(
  db: Database,
  server: BenchServer,
  seeded: { total: number; seedMs: number; distinctKeys: number },
): Promise<ColdFigures> {
  const inProcessFigures = await inProcess(db, seeded.total);
  const coldNumbers = keyNumbers(HTTP_LOOKUPS, seeded.total, 11);
  let next = 0;
  const httpCold = await overHttp(server, () => coldKey(coldNumbers[next++] as number));
  const warmKey = coldKey(1);
  const httpWarm = await overHttp(server, () => warmKey);
  const rss = await distinctKeys(server, seeded.total, seeded.distinctKeys);
  return {
    keysInTable: seeded.total,
    seedMs: seeded.seedMs,
    inProcess: inProcessFigures,
    httpCold,
    httpWarm,
    rss,
  };
}
