/**
 * The real worker process (`tsx workers/main.ts`, as scripts/start.ts runs it) as a child of
 * a test, with the test's own database and Redis, so that a test can kill it like an
 * operating system would.
 *
 *   const worker = await startWorkerProcess({ DATABASE_URL, REDIS_URL });  // "worker ready"
 *   worker.kill("SIGKILL");     // the whole process group, no shutdown handler runs
 *   await worker.exited;
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export type WorkerProcess = {
  pid: number;
  logs: () => string[];
  kill: (signal: NodeJS.Signals) => void;
  exited: Promise<void>;
};

const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  // Its own process group: tsx runs the worker in a child of its own, and a SIGKILL must
  // reach that child too, as it would when a container or a machine dies.
  const child = spawn(TSX, ["workers/main.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      REKEY_SERVICE: "worker",
      ...env,
    },
  });
  const lines: string[] = [];
  collectLines(child, lines);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, signal);
    }
  };

  const deadline = Date.now() + 30_000;
  while (!lines.some((line) => line.includes('"worker ready"'))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      kill("SIGKILL");
      throw new Error(`the worker did not start:\n${lines.slice(-20).join("\n")}`);
    }
    await sleep(50);
  }
  return { pid: child.pid as number, logs: () => [...lines], kill, exited };
}
