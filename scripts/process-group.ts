import type { ChildProcess } from "node:child_process";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops a child started with `detached: true`, so in a process group of its own: SIGTERM to
 * the whole group (anything it started too), then SIGKILL if it is not gone within `graceMs`.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (stopped) return;

  process.kill(-child.pid, "SIGKILL");
  await exited;
}
