import { spawn } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import path from "node:path";
import { stopProcessGroup } from "@/scripts/process-group";
import { type BenchServer, startBenchServer } from "./bench-server";

export type BenchWorker = { pid: number; stop: () => Promise<void> };
export type Cluster = { web: [BenchServer, BenchServer]; worker: BenchWorker };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The worker process as scripts/start.ts runs it, its log in a file. */
async function startBenchWorker(env: Record<string, string>, logFile: string) {
  const log = openSync(logFile, "w");
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["workers/main.ts"], {
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, ...env, NODE_ENV: "production", REKEY_SERVICE: "worker" },
  });
  const stop = () => stopProcessGroup(child);

  const deadline = Date.now() + 60_000;
  while (!readFileSync(logFile, "utf8").includes('"worker ready"')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the worker did not start; see ${logFile}`);
    }
    await sleep(200);
  }
  return { pid: child.pid as number, stop };
}

/**
 * Two web instances (ports `port` and `port + 1`) and one worker on the same Postgres and
 * Redis, as a small production deployment would run them.
 */
export async function startCluster(options: {
  port: number;
  distDir: string;
  env: Record<string, string>;
  logFolder: string;
}): Promise<Cluster> {
  const web = (await Promise.all(
    [0, 1].map((i) =>
      startBenchServer({
        port: options.port + i,
        distDir: options.distDir,
        env: { ...options.env, REKEY_SERVICE: `web-${i + 1}` },
        logFile: path.join(options.logFolder, `web-${i + 1}.log.tmp`),
      }),
    ),
  )) as [BenchServer, BenchServer];
  const worker = await startBenchWorker(
    options.env,
    path.join(options.logFolder, "worker.log.tmp"),
  );
  return { web, worker };
}

export async function stopCluster(cluster: Cluster): Promise<void> {
  await Promise.all([...cluster.web.map((server) => server.stop()), cluster.worker.stop()]);
}
