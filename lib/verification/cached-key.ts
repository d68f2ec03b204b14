import type { ApiKey } from "@/db/api-keys";
import type { Project } from "@/db/projects";
import type { KeyType } from "@/lib/keys/key-format";

/**
 * What verification keeps in memory about a key: enough to judge it on every request and to
 * serve the public API (the project's JWT secret signs its end users' tokens). Never the key.
 */
export type CachedKey = {
  keyId: string;
  type: KeyType;
  prefix: string;
  lastFour: string;
  deprecatedAtMs: number | null;
  expiresAtMs: number | null;
  revokedAtMs: number | null;
  project: { id: string; name: string; jwtSecret: string };
};

const toMs = (date: Date | null): number | null => (date ? date.getTime() : null);

export function toCachedKey(key: ApiKey, project: Project): CachedKey {
  return {
    keyId: key.id,
    type: key.type,
    prefix: key.prefix,
    lastFour: key.lastFour,
    deprecatedAtMs: toMs(key.deprecatedAt),
    expiresAtMs: toMs(key.expiresAt),
    revokedAtMs: toMs(key.revokedAt),
    project: { id: project.id, name: project.name, jwtSecret: project.jwtSecret },
  };
}
