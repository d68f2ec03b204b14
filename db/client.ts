import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle; repository functions accept either this or the database. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

type Connection = { sql: postgres.Sql; db: Database };

// One pool per process, created on first use so that `next build` needs no database.
const globalForDb = globalThis as unknown as { rekeyDb?: Connection };

export function createConnection(url: string, max = 10): Connection {
  const sql = postgres(url, { max, onnotice: () => {}, connect_timeout: 5 });
  return { sql, db: drizzle(sql, { schema }) };
}

export function getDb(): Database {
  globalForDb.rekeyDb ??= createConnection(env().DATABASE_URL);
  return globalForDb.rekeyDb.db;
}

export async function closeDb(): Promise<void> {
  const connection = globalForDb.rekeyDb;
  globalForDb.rekeyDb = undefined;
  await connection?.sql.end({ timeout: 5 });
}
