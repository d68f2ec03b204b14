/**
 * Runs the production build (`next start`) as a child process for tests that talk to the
 * app over HTTP, as clients do.
 *
 *   const app = await startAppServer({ port: 3111 });   // waits for /api/health/live
 *   await fetch(`${app.url}/api/keys/self`, ...);
 *   app.logs();                                          // stdout and stderr lines so far
 *   await app.waitForLog((line) => line.includes("x"));
 *   await app.stop();                                    // SIGTERM, then SIGKILL after 5 s
 *
 * The build must exist: `NEXT_DIST_DIR=<dir> node_modules/.bin/next build` (scripts/test.ts
 * builds before Vitest). The server inherits the test process's environment (DATABASE_URL,
 * REDIS_URL, SESSION_SECRET... from tests/support/test-env.ts) with NODE_ENV=production,
 * LOG_LEVEL=info, PORT, APP_URL=http://localhost:<port> and NEXT_DIST_DIR set; `env`
 * overrides any of them. Start one server per test file, in `beforeAll`, on a port of its
 * own, and stop it in `afterAll`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { nextStartArgs } from "@/scripts/next-start-args";
import { stopProcessGroup } from "@/scripts/process-group";

export type AppServerOptions = {
  port: number;
  /** The build to serve; defaults to $NEXT_DIST_DIR, then `.next`. */
  distDir?: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
};

export type AppServer = {
  url: string;
  port: number;
  pid: number;
  logs: () => string[];
  waitForLog: (match: (line: string) => boolean, timeoutMs?: number) => Promise<string>;
  stop: () => Promise<void>;
};

const NEXT_BIN = path.join(process.cwd(), "node_modules", ".bin", "next");
const POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function isLive(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health/live`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

function collectLines(child: ChildProcess, lines: string[]): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop() ?? "";
      lines.push(...parts.filter((line) => line.length > 0));
    });
  }
}

async function waitUntilLive(child: ChildProcess, url: string, options: AppServerOptions) {
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await isLive(url)) return;
    await sleep(POLL_MS);
  }
  throw new Error(`next start did not answer ${url}/api/health/live in time`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () => stopProcessGroup(child);
}

function waiter(lines: string[]) {
  return async (match: (line: string) => boolean, timeoutMs = 5000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = lines.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error("no matching log line in time");
      await sleep(50);
    }
  };
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const distDir = options.distDir ?? process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}: run NEXT_DIST_DIR=${distDir} next build`);
  }
  const url = `http://localhost:${options.port}`;
  if (await isLive(url)) throw new Error(`Port ${options.port} is already serving: stop it first`);

  const child = spawn(NEXT_BIN, nextStartArgs(options.port), {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: String(options.port),
      APP_URL: url,
      NEXT_DIST_DIR: distDir,
      ...options.env,
    },
  });
  const lines: string[] = [];
  collectLines(child, lines);
  const stop = stopper(child);

  try {
    await waitUntilLive(child, url, options);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${lines.slice(-20).join("\n")}`);
  }
  return {
    url,
    port: options.port,
    pid: child.pid as number,
    logs: () => [...lines],
    waitForLog: waiter(lines),
    stop,
  };
}
