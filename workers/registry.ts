import type { Worker } from "bullmq";
import { startEmailWorker } from "./email/email.worker";

export type RunningWorkers = { names: string[]; close: () => Promise<void> };

/** Starts one BullMQ worker per queue this process serves. */
export async function startWorkers(): Promise<RunningWorkers> {
  const workers: Worker[] = [];
  workers.push(startEmailWorker());
  return {
    names: workers.map((w) => w.name),
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
