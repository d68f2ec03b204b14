import autocannon, { type AutocannonOptions, type AutocannonResult } from "autocannon";

/** One answered request: when it finished (ms since the epoch), how long it took, status. */
export type Sample = { atMs: number; latencyMs: number; status: number; label: string };

/** Runs autocannon and records every response into `samples` as it arrives. */
export function loadWithSamples(
  label: string,
  options: AutocannonOptions,
  samples: Sample[],
): Promise<AutocannonResult> {
  const instance = autocannon(options);
  instance.on("response", (_client, status, _bytes, latencyMs) => {
    samples.push({ atMs: Date.now(), latencyMs, status, label });
  });
  return instance;
}

/** The p-th percentile (0-100) by nearest rank; NaN for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export type LatencySummary = { requests: number; p50Ms: number; p99Ms: number; maxMs: number };

export function summarise(latencies: number[]): LatencySummary {
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    requests: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.length ? Math.max(...latencies) : Number.NaN),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
