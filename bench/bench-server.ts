import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { nextStartArgs } from "@/scripts/next-start-args";
import { stopProcessGroup } from "@/scripts/process-group";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds into `distDir` when it holds no build. `next build` rewrites tsconfig.json to
 * include its types folder; the benchmark's own folder must not end up there.
 */
export function buildIfMissing(distDir: string): void {
  if (existsSync(path.join(distDir, "BUILD_ID"))) return;

  console.log(`bench: no build in ${distDir}, running next build`);
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const result = spawnSync(bin("next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir },
  });
  writeFileSync("tsconfig.json", tsconfig);
  if (result.status !== 0) throw new Error("next build failed");
}

export type BenchServer = { url: string; pid: number; stop: () => Promise<void> };

async function waitUntilLive(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const live = await fetch(`${url}/api/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (live) return;
    await sleep(200);
  }
  throw new Error("next start did not become live in time");
}

/**
 * Starts `next start` with its logs going to a file, as in production; collecting them in
 * this process would take CPU from the load generator.
 */
export async function startBenchServer(options: {
  port: number;
  distDir: string;
  env: Record<string, string>;
  logFile: string;
}): Promise<BenchServer> {
  const url = `http://localhost:${options.port}`;
  const log = openSync(options.logFile, "w");
  const child = spawn(bin("next"), nextStartArgs(options.port), {
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      APP_URL: url,
      NEXT_DIST_DIR: options.distDir,
    },
  });

  const stop = () => stopProcessGroup(child);

  try {
    await waitUntilLive(child, url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid as number, stop };
}
