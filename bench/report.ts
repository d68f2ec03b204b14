import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AutocannonResult } from "autocannon";

export type RouteFigures = {
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
};

export type BenchReport = {
  date: string;
  connections: number;
  durationSeconds: number;
  node: string;
  liveness: RouteFigures;
  verified: RouteFigures;
  ratio: number;
  target: number;
};

const sum = (runs: AutocannonResult[], pick: (r: AutocannonResult) => number) =>
  runs.reduce((total, run) => total + pick(run), 0);

/** Requests per second over several runs: all requests over all the time. */
export function requestsPerSecond(runs: AutocannonResult[]): number {
  return sum(runs, (r) => r.requests.total) / sum(runs, (r) => r.duration);
}

/** One route's figures over its runs; latency percentiles are the mean of the runs'. */
export function figuresOf(route: string, runs: AutocannonResult[]): RouteFigures {
  const mean = (pick: (r: AutocannonResult) => number) => sum(runs, pick) / runs.length;
  return {
    route,
    requestsPerSecond: Math.round(requestsPerSecond(runs)),
    p50Ms: mean((r) => r.latency.p50),
    p99Ms: mean((r) => r.latency.p99),
    total: sum(runs, (r) => r.requests.total),
    non2xx: sum(runs, (r) => r.non2xx),
    errors: sum(runs, (r) => r.errors),
  };
}

function row(f: RouteFigures): string {
  return `| ${f.route} | ${f.requestsPerSecond} | ${f.p50Ms} | ${f.p99Ms} | ${f.total} | ${f.non2xx} |`;
}

export function toMarkdown(report: BenchReport): string {
  const verdict = report.ratio >= report.target ? "meets" : "misses";
  return [
    `# Benchmark, ${report.date}`,
    "",
    `${report.connections} connections, ${report.durationSeconds} s per route, Node ${report.node},`,
    "production build, server and load generator on the same machine; each route ran",
    "twice for half the time, in the order liveness, verified, verified, liveness.",
    "",
    "| route | req/s | p50 ms | p99 ms | requests | non-2xx |",
    "|---|---|---|---|---|---|",
    row(report.liveness),
    row(report.verified),
    "",
    `Ratio verified / liveness: **${report.ratio.toFixed(3)}** (${verdict} the ${report.target} target).`,
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
