import { randomBytes } from "node:crypto";

/** What a document `_id` may be: it travels in URL paths, so a conservative alphabet. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * A new `_id` shaped like a MongoDB ObjectId (24 hex digits, seconds first), which is what
 * urBackend clients are used to: 4 bytes of time, then 8 random bytes.
 */
export function newDocumentId(nowMs = Date.now()): string {
  const seconds = Buffer.alloc(4);
  seconds.writeUInt32BE(Math.floor(nowMs / 1000) >>> 0);
  return Buffer.concat([seconds, randomBytes(8)]).toString("hex");
}

export function isDocumentId(value: string): boolean {
  return DOCUMENT_ID_PATTERN.test(value);
}
