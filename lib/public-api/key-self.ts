import { maskKey } from "@/lib/keys/key-format";
import type { VerifiedKey } from "@/lib/verification/verify-api-key";

/** What `GET /api/keys/self` tells a caller about the key it holds. */
export function describeKey(key: VerifiedKey) {
  return {
    projectId: key.project.id,
    projectName: key.project.name,
    keyType: key.type,
    maskedKey: maskKey(key.prefix, key.lastFour),
    status: key.status,
    expiresAt: key.expiresAtMs === null ? null : new Date(key.expiresAtMs).toISOString(),
  };
}
