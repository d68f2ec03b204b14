import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";

export const KEY_TYPES = ["publishable", "secret"] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const KEY_PREFIXES: Record<KeyType, string> = {
  publishable: "pk_live_",
  secret: "sk_live_",
};

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_BYTES = 32;
// 62^43 > 2^256, so 43 base62 digits hold any 32 random bytes; 6 digits hold any CRC32.
const RANDOM_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
const KEY_PATTERN = new RegExp(
  `^(pk|sk)_live_([0-9A-Za-z]{${RANDOM_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`,
);

export type ParsedKey = { type: KeyType; prefix: string; lastFour: string };

function toBase62(value: bigint, length: number): string {
  let digits = "";
  let rest = value;
  while (rest > 0n) {
    digits = BASE62[Number(rest % 62n)] + digits;
    rest /= 62n;
  }
  return digits.padStart(length, "0");
}

function checksumOf(randomPart: string): string {
  return toBase62(BigInt(crc32(randomPart)), CHECKSUM_LENGTH);
}

/** A new key: prefix, 32 CSPRNG bytes in base62, then a CRC32 checksum of those digits. */
export function generateKey(type: KeyType): string {
  const random = toBase62(BigInt(`0x${randomBytes(RANDOM_BYTES).toString("hex")}`), RANDOM_LENGTH);
  return `${KEY_PREFIXES[type]}${random}${checksumOf(random)}`;
}

/**
 * Checks shape and checksum without any lookup, so that typos and junk never reach the
 * cache or the database. Returns null for anything that is not a well-formed key.
 */
export function parseKey(candidate: unknown): ParsedKey | null {
  if (typeof candidate !== "string" || candidate.length > 128) return null;

  const match = KEY_PATTERN.exec(candidate);
  if (!match) return null;

  const [, kind, random, checksum] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(checksumOf(random));
  if (!timingSafeEqual(expected, Buffer.from(checksum))) return null;

  const type: KeyType = kind === "pk" ? "publishable" : "secret";
  return { type, prefix: KEY_PREFIXES[type], lastFour: candidate.slice(-4) };
}

/** The lookup hash stored in the database: SHA-256 of the full key, hex. */
export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Compares two hex hashes without leaking where they differ. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** What the dashboard, emails and audit trail show instead of a key: `sk_live_…abcd`. */
export function maskKey(prefix: string, lastFour: string): string {
  return `${prefix}…${lastFour}`;
}

/**
 * What the database keeps of a key: its lookup hash and display parts, plus the full value
 * only for a publishable key, which is public by design.
 */
export function storedKeyColumns(key: string) {
  const parsed = parseKey(key);
  if (!parsed) throw new Error("a generated key failed its own format check");

  return {
    type: parsed.type,
    hash: hashKey(key),
    prefix: parsed.prefix,
    lastFour: parsed.lastFour,
    publicValue: parsed.type === "publishable" ? key : null,
  };
}
