import { applyMigrations, ensureDatabase } from "@/db/migrate";
import { applyTestEnv, assertLocal } from "./test-env";

export default async function globalSetup(): Promise<void> {
  applyTestEnv();
  const url = process.env.DATABASE_URL as string;
  assertLocal(url);
  assertLocal(process.env.REDIS_URL as string);

  await ensureDatabase(url);
  await applyMigrations(url);
}
