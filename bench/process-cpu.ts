import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

// Linux reports process CPU time in clock ticks (USER_HZ, 100 on mainstream kernels).
function ticksPerSecond(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}

const TICKS_PER_SECOND = ticksPerSecond();

/**
 * CPU time (user + system) a process has used so far, in milliseconds. Unlike throughput,
 * CPU per request hardly moves when other processes compete for the machine.
 */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which sits in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return ((userTicks + systemTicks) * 1000) / TICKS_PER_SECOND;
}
