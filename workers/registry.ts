import type { Worker } from "bullmq";
import { startEmailWorker } from "./email/email.worker";
import { startCleanupWorker } from "./key-rotation-cleanup/cleanup.worker";
import { startReconcileWorker } from "./reconcile/reconcile.worker";

export type RunningWorkers = { names: string[]; close: () => Promise<void> };

type StartWorker = () => Worker | Promise<Worker>;

// One entry per queue this process serves. Add a queue by adding its start function here.
const WORKERS: StartWorker[] = [startEmailWorker, startCleanupWorker, startReconcileWorker];

/** Starts one BullMQ worker per queue this process serves. */
export async function startWorkers(): Promise<RunningWorkers> {
  const workers = await Promise.all(WORKERS.map((start) => start()));
  return {
    names: workers.map((w) => w.name),
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
