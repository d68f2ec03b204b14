import { Redis } from "ioredis";
import postgres from "postgres";
import { applyMigrations, ensureDatabase } from "@/db/migrate";
import { type Env, EnvError, parseEnv } from "@/lib/env";

export class PreflightError extends Error {}

function hostAndPort(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "default port"}`;
}

/** Reads and validates the environment, naming every missing or bad variable. */
export function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) throw new PreflightError(error.message);
    throw error;
  }
}

export async function checkPostgres(url: string): Promise<void> {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const sql = postgres(adminUrl.toString(), { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    throw new PreflightError(
      [
        `PostgreSQL is not reachable at ${hostAndPort(url)} (${(error as Error).message}).`,
        "Start it, for example with:",
        "  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
        "or point DATABASE_URL at a running server.",
      ].join("\n"),
    );
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export async function checkRedis(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let lastError = "";
  client.on("error", (error) => {
    lastError = error.message;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = lastError || (error as Error).message;
    throw new PreflightError(
      [
        `Redis is not reachable at ${hostAndPort(url)} (${reason}).`,
        "Start it, for example with:",
        '  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
        "or point REDIS_URL at a running server.",
      ].join("\n"),
    );
  } finally {
    client.disconnect();
  }
}

/** Everything that must hold before web or worker starts; creates and migrates the database. */
export async function preflight(config: Env): Promise<{ createdDatabase: boolean }> {
  await checkPostgres(config.DATABASE_URL);
  await checkRedis(config.REDIS_URL);
  const createdDatabase = await ensureDatabase(config.DATABASE_URL);
  await applyMigrations(config.DATABASE_URL);
  return { createdDatabase };
}
