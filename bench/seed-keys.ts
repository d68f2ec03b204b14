/**
 * A million real keys, quickly. Key strings come from their index (so any of them can be
 * made again later without keeping a million in memory) in the format of
 * lib/keys/key-format.ts, checksum included; Postgres computes and stores their SHA-256,
 * exactly as a created key is stored. Half are publishable, half secret: the current pair
 * of 500,000 projects of one owner.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32 } from "node:zlib";
import postgres from "postgres";
import { parseKey } from "@/lib/keys/key-format";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const COLD_OWNER_ID = "bench-cold-owner";

function toBase62(value: number, length: number): string {
  let digits = "";
  let rest = value;
  while (rest > 0) {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  }
  return digits.padStart(length, "0");
}

/** Key number `n`: even numbers publishable, odd ones secret, project `n >> 1`. */
export function coldKey(n: number): string {
  const random = `bench${toBase62(n, 38)}`;
  const prefix = n % 2 === 0 ? "pk_live_" : "sk_live_";
  return `${prefix}${random}${toBase62(crc32(random), 6)}`;
}

function* copyLines(count: number): Generator<string> {
  const batch: string[] = [];
  for (let n = 0; n < count; n += 1) {
    batch.push(`${n}\t${coldKey(n)}\n`);
    if (batch.length === 10_000) yield batch.splice(0).join("");
  }
  if (batch.length > 0) yield batch.join("");
}

/** Seeds `count` keys (an even number) and their projects; returns how long it took. */
export async function seedColdKeys(databaseUrl: string, count: number): Promise<number> {
  if (!parseKey(coldKey(0)) || !parseKey(coldKey(count - 1))) {
    throw new Error("seeded keys do not pass the key format check");
  }
  const started = performance.now();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`create temp table cold_keys (n int primary key, k text not null)`;
    const writable = await sql`copy cold_keys (n, k) from stdin`.writable();
    await pipeline(Readable.from(copyLines(count)), writable);
    await insertProjectsAndKeys(sql, count);
  } finally {
    await sql.end();
  }
  return Math.round(performance.now() - started);
}

async function insertProjectsAndKeys(sql: postgres.Sql, count: number): Promise<void> {
  // Project p's id, from its number: an md5 shaped as a version 4 UUID (zod checks the shape).
  await sql`
    create function pg_temp.cold_project(p int) returns uuid language sql immutable as $$
      select overlay(overlay(md5('bench-cold-' || p) placing '4' from 13 for 1)
        placing '8' from 17 for 1)::uuid $$`;
  await sql`
    insert into "user" (id, name, email, email_verified, created_at, updated_at)
    values (${COLD_OWNER_ID}, 'Bench owner', 'bench-owner@example.test', true, now(), now())`;
  await sql`
    insert into projects (id, name, owner_id, jwt_secret)
    select pg_temp.cold_project(p), 'Cold ' || p, ${COLD_OWNER_ID}, md5(p::text)
    from generate_series(0, ${count / 2 - 1}) as p`;
  await sql`
    insert into api_keys (project_id, type, hash, prefix, last_four)
    select pg_temp.cold_project(n >> 1),
      (case when n % 2 = 0 then 'publishable' else 'secret' end)::api_key_type,
      encode(sha256(convert_to(k, 'UTF8')), 'hex'), left(k, 8), right(k, 4)
    from cold_keys`;
  await sql`analyze api_keys`;
  await sql`analyze projects`;
}
