/**
 * Starts Rekey: validates the environment, checks Postgres and Redis, creates and migrates
 * the database, builds when there is no production build, then runs the web app and the
 * worker until Ctrl-C. `--only web` or `--only worker` runs one part.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync } from "node:fs";
import path from "node:path";
import { nextStartArgs } from "./next-start-args";
import { loadEnv, PreflightError, preflight } from "./preflight";

type Part = "web" | "worker";

const ENV_FILE = path.join(process.cwd(), ".env");
const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

function partsFromArgs(argv: string[]): Part[] {
  const index = argv.indexOf("--only");
  if (index === -1) return ["web", "worker"];
  const part = argv[index + 1];
  if (part !== "web" && part !== "worker") {
    throw new PreflightError(`--only takes "web" or "worker", got "${part ?? ""}"`);
  }
  return [part];
}

// A development machine gets a session secret of its own on first start, kept in .env.
function ensureSessionSecret(): void {
  if (process.env.SESSION_SECRET || process.env.NODE_ENV === "production") return;
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(ENV_FILE, `SESSION_SECRET=${secret}\n`);
  process.env.SESSION_SECRET = secret;
  console.log("rekey: generated a SESSION_SECRET for this machine and saved it in .env");
}

function buildIfMissing(): void {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (existsSync(path.join(distDir, "BUILD_ID"))) return;

  console.log("rekey: no production build found, running next build (about a minute)");
  const result = spawnSync(bin("next"), ["build"], { stdio: "inherit" });
  if (result.status !== 0) throw new PreflightError("next build failed; see the output above");
}

function startPart(part: Part, port: number): ChildProcess {
  const [command, args] =
    part === "web" ? [bin("next"), nextStartArgs(port)] : [bin("tsx"), ["workers/main.ts"]];
  return spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", REKEY_SERVICE: part },
  });
}

// A part that crashes is started again, as a process manager would; one that keeps crashing
// (a bad deploy, a lost database) stops everything so that the failure is seen.
const RESTART_DELAY_MS = 1000;
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;

function supervise(parts: Part[], port: number): void {
  const running = new Map<Part, ChildProcess>();
  const crashes: number[] = [];
  let stopping = false;

  const stopAll = () => {
    stopping = true;
    for (const child of running.values()) if (child.exitCode === null) child.kill("SIGTERM");
    if (running.size === 0) process.exit();
  };

  const launch = (part: Part) => {
    const child = startPart(part, port);
    running.set(part, child);
    child.on("exit", (code, signal) => {
      running.delete(part);
      if (stopping) {
        if (running.size === 0) process.exit();
        return;
      }

      const now = Date.now();
      crashes.push(now);
      const recent = crashes.filter((at) => now - at < CRASH_WINDOW_MS).length;
      const how = signal ?? `exit code ${code}`;
      if (recent >= MAX_CRASHES) {
        console.error(`rekey: ${part} stopped (${how}) ${recent} times in a minute, giving up`);
        process.exitCode = 1;
        stopAll();
        return;
      }
      console.error(`rekey: ${part} stopped (${how}), starting it again`);
      setTimeout(() => stopping || launch(part), RESTART_DELAY_MS);
    });
  };

  process.on("SIGINT", stopAll);
  process.on("SIGTERM", stopAll);
  for (const part of parts) launch(part);
}

async function main(): Promise<void> {
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const parts = partsFromArgs(process.argv.slice(2));
  ensureSessionSecret();

  const config = loadEnv();
  const { createdDatabase } = await preflight(config);
  if (createdDatabase) console.log("rekey: created the database and applied migrations");
  if (parts.includes("web")) buildIfMissing();

  supervise(parts, config.PORT);
  if (parts.includes("web")) console.log(`rekey: dashboard at ${config.APP_URL}`);
}

main().catch((error: unknown) => {
  if (error instanceof PreflightError) {
    console.error(`rekey: ${error.message}`);
  } else {
    console.error("rekey: could not start", error);
  }
  process.exit(1);
});
