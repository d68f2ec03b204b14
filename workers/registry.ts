import type { Worker } from "bullmq";

export type RunningWorkers = { names: string[]; close: () => Promise<void> };

/** Starts one BullMQ worker per queue this process serves. */
export async function startWorkers(): Promise<RunningWorkers> {
  const workers: Worker[] = [];
  return {
    names: workers.map((w) => w.name),
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
