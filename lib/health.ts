import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { getReadyRedis } from "./redis";

export type DependencyState = "up" | "down";
export type HealthReport = { postgres: DependencyState; redis: DependencyState };

const CHECK_TIMEOUT_MS = 1500;

async function probe(check: () => Promise<unknown>): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return "up";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<HealthReport> {
  const [postgres, redis] = await Promise.all([
    probe(() => getDb().execute(sql`select 1`)),
    probe(async () => (await getReadyRedis(CHECK_TIMEOUT_MS)).ping()),
  ]);
  return { postgres, redis };
}
