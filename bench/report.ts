import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AutocannonResult } from "autocannon";
import type { ColdFigures } from "./cold-verification";
import type { PropagationFigures } from "./propagation";
import type { RotationFigures } from "./rotation-under-load";
import type { WorkerFigures } from "./worker-expiry";

/** An autocannon result with the server CPU time the run cost. */
export type Run = AutocannonResult & { serverCpuMs: number };

export type RouteFigures = {
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  /** Requests per second of each run, in the order they ran, to see drift. */
  runs: number[];
  /** Server CPU time per request, in microseconds. */
  serverCpuUs: number;
};

export type BenchReport = {
  date: string;
  connections: number;
  durationSeconds: number;
  node: string;
  liveness: RouteFigures;
  verified: RouteFigures;
  ratio: number;
  /** Liveness CPU per request over verified CPU per request: the ratio without the noise. */
  cpuRatio: number;
  target: number;
  documentRead: RouteFigures;
  documentRatio: number;
  rotation: RotationFigures;
  revocation: PropagationFigures;
  expiry: PropagationFigures;
  cold: ColdFigures;
  worker: WorkerFigures;
  command: string;
};

const sum = (runs: Run[], pick: (r: Run) => number) =>
  runs.reduce((total, run) => total + pick(run), 0);

/** Requests per second over several runs: all requests over all the time. */
export function requestsPerSecond(runs: Run[]): number {
  return sum(runs, (r) => r.requests.total) / sum(runs, (r) => r.duration);
}

/** Server CPU milliseconds spent per request over several runs. */
export function cpuPerRequest(runs: Run[]): number {
  return sum(runs, (r) => r.serverCpuMs) / sum(runs, (r) => r.requests.total);
}

/** One route's figures over its runs; latency percentiles are the mean of the runs'. */
export function figuresOf(route: string, runs: Run[]): RouteFigures {
  const mean = (pick: (r: Run) => number) => sum(runs, pick) / runs.length;
  return {
    route,
    requestsPerSecond: Math.round(requestsPerSecond(runs)),
    p50Ms: mean((r) => r.latency.p50),
    p99Ms: mean((r) => r.latency.p99),
    total: sum(runs, (r) => r.requests.total),
    non2xx: sum(runs, (r) => r.non2xx),
    errors: sum(runs, (r) => r.errors),
    runs: runs.map((r) => Math.round(r.requests.total / r.duration)),
    serverCpuUs: Math.round(cpuPerRequest(runs) * 1000),
  };
}

function row(f: RouteFigures): string {
  const cells = [f.route, f.requestsPerSecond, f.runs.join(", "), f.p50Ms, f.p99Ms];
  return `| ${[...cells, f.serverCpuUs, f.total].join(" | ")} |`;
}

export function toMarkdown(report: BenchReport): string {
  const verdict = report.ratio >= report.target ? "meets" : "misses";
  return [
    `# Benchmark, ${report.date}`,
    "",
    `\`${report.command}\`: production builds, two web instances and one worker on one`,
    `Postgres and one Redis, load generator on the same 2-core machine, Node ${report.node}.`,
    "",
    "## 1. Throughput",
    "",
    `${report.connections} connections against one instance, ${report.durationSeconds} s per ` +
      "route, each route twice for half the time in mirrored order (A B C C B A).",
    "",
    "| route | req/s | req/s per run | p50 ms | p99 ms | server CPU µs/request | requests |",
    "|---|---|---|---|---|---|---|",
    row(report.liveness),
    row(report.verified),
    row(report.documentRead),
    "",
    `Ratio verified / liveness: **${report.ratio.toFixed(3)}** ` +
      `(${verdict} the ${report.target} target); document read / liveness: ` +
      `**${report.documentRatio.toFixed(3)}**.`,
    "",
    `Server CPU per request, liveness / verified: ${report.cpuRatio.toFixed(3)}. This is the`,
    "throughput ratio a saturated server would show; unlike req/s it barely moves when other",
    "processes share the machine. Every answer was a 2xx.",
    "",
    ...scaleMarkdown(report),
  ].join("\n");
}

const ms = (value: number | null) => (value === null ? "not reached" : `${value} ms`);

function latencyRow(
  label: string,
  l: { requests: number; p50Ms: number; p99Ms: number; maxMs: number },
) {
  return `| ${label} | ${l.requests} | ${l.p50Ms} | ${l.p99Ms} | ${l.maxMs} |`;
}

function rotationMarkdown({ rotation: r }: BenchReport): string[] {
  return [
    "## 2. Rotation under load",
    "",
    `${r.seconds} s of GET /api/keys/self on both instances; the secret key rotated (1-hour`,
    `grace) ${r.rotatedAfterMs} ms in, taking ${r.rotationMs} ms; clients with the new key`,
    "joined after it.",
    "",
    "| key | requests | non-2xx |",
    "|---|---|---|",
    `| old key (in grace after the rotation) | ${r.requests.oldKey} | ${r.non2xx.oldKey} |`,
    `| new key | ${r.requests.newKey} | ${r.non2xx.newKey} |`,
    "",
    `Connection errors: ${r.errors}. Target: 0 non-2xx.`,
    "",
    "| window | requests | p50 ms | p99 ms | max ms |",
    "|---|---|---|---|---|",
    latencyRow("3 s before the rotation", r.before),
    latencyRow("1 s from the rotation", r.around),
    "",
    `p99 from the rotation / p99 before: **${r.p99Ratio}**.`,
    "",
  ];
}

function propagationMarkdown({ revocation, expiry }: BenchReport): string[] {
  const line = (label: string, p: PropagationFigures) =>
    `| ${label} | ${p.trials} | ${p.medianMs} | ${p.maxMs} | ${p.earlyRefusals} |`;
  return [
    "## 3. Propagation to both instances",
    "",
    `Caches warm on both instances; each instance polled every ${revocation.pollEveryMs} ms until`,
    "it answered 401. Revocation: from the start of the revoke call. Expiry: from the expiry.",
    "",
    "| event | trials | median ms | max ms | refused too early |",
    "|---|---|---|---|---|",
    line("revoked early (Revoke now)", revocation),
    line("grace ended (clock)", expiry),
    "",
    "Target: max ≤ 1000 ms.",
    "",
  ];
}

function coldMarkdown({ cold: c }: BenchReport): string[] {
  return [
    "## 4. Cold verification at scale",
    "",
    `${c.keysInTable.toLocaleString("en")} keys in the table (seeded in ${c.seedMs} ms); every`,
    "lookup below is for a key no cache had seen, except the warm row.",
    "",
    "| measure | lookups | p50 ms | p99 ms | max ms |",
    "|---|---|---|---|---|",
    latencyRow("verifyApiKey, in process, cache miss", c.inProcess),
    latencyRow("GET /api/keys/self, cold key, 1 connection", c.httpCold),
    latencyRow("GET /api/keys/self, warm key, 1 connection", c.httpWarm),
    "",
    `Target: p99 ≤ 5 ms for verification. Web instance memory (RSS, process group): ` +
      `${c.rss.beforeMb} MB before, **${c.rss.afterMb} MB after ` +
      `${c.rss.distinctKeys.toLocaleString("en")} distinct keys** (non-2xx: ${c.rss.non2xx}).`,
    "",
  ];
}

function workerMarkdown({ worker: w }: BenchReport): string[] {
  return [
    "## 5. Worker: keys expiring together",
    "",
    "| keys | all retired and audited | all expiry emails sent | duplicate audit events | " +
      "duplicate emails | emails sent twice |",
    "|---|---|---|---|---|---|",
    `| ${w.keys} | ${ms(w.retiredAndAuditedAfterMs)} after expiry | ` +
      `${ms(w.emailsSentAfterMs)} after expiry | ${w.duplicateAuditEvents} | ` +
      `${w.duplicateEmails} | ${w.emailsSentTwice} |`,
    "",
  ];
}

function scaleMarkdown(report: BenchReport): string[] {
  return [
    ...rotationMarkdown(report),
    ...propagationMarkdown(report),
    ...coldMarkdown(report),
    ...workerMarkdown(report),
  ];
}

/** Writes `<ISO date>.json` and `latest.md` into `folder`. */
export function writeReport(folder: string, report: BenchReport): string {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${report.date.replaceAll(":", "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(folder, "latest.md"), toMarkdown(report));
  return file;
}
