import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AutocannonResult } from "autocannon";

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
    `${report.connections} connections, ${report.durationSeconds} s per route, ` +
      `Node ${report.node},`,
    "production build, server and load generator on the same machine; each route ran",
    "twice for half the time, in the order liveness, verified, verified, liveness.",
    "",
    "| route | req/s | req/s per run | p50 ms | p99 ms | server CPU µs/request | requests |",
    "|---|---|---|---|---|---|---|",
    row(report.liveness),
    row(report.verified),
    "",
    `Ratio verified / liveness: **${report.ratio.toFixed(3)}** ` +
      `(${verdict} the ${report.target} target).`,
    "",
    `Server CPU per request, liveness / verified: ${report.cpuRatio.toFixed(3)}. This is the`,
    "throughput ratio a saturated server would show; unlike req/s it barely moves when other",
    "processes share the machine. Every answer was a 2xx.",
    "",
  ].join("\n");
}

/** Writes `<ISO date>.json` and `latest.md` into `folder`. */
export function writeReport(folder: string, report: BenchReport): string {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${report.date.replaceAll(":", "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(folder, "latest.md"), toMarkdown(report));
  return file;
}
