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

function superviseChildren(children: Map<Part, ChildProcess>): void {
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const child of children.values()) if (child.exitCode === null) child.kill(signal);
  };

  process.on("SIGINT", () => stopAll("SIGTERM"));
  process.on("SIGTERM", () => stopAll("SIGTERM"));

  let remaining = children.size;
  for (const [part, child] of children) {
    child.on("exit", (code, signal) => {
      remaining -= 1;
      if (!stopping) {
        console.error(
          `rekey: ${part} stopped (${signal ?? `exit code ${code}`}), stopping the rest`,
        );
        process.exitCode = 1;
        stopAll("SIGTERM");
      }
      if (remaining === 0) process.exit();
    });
  }
}

async function main(): Promise<void> {
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const parts = partsFromArgs(process.argv.slice(2));
  ensureSessionSecret();

  const config = loadEnv();
  const { createdDatabase } = await preflight(config);
  if (createdDatabase) console.log("rekey: created the database and applied migrations");
  if (parts.includes("web")) buildIfMissing();

  const children = new Map(parts.map((part) => [part, startPart(part, config.PORT)] as const));
  superviseChildren(children);
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
