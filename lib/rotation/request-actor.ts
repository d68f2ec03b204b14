import type { Actor } from "@/lib/audit/actor";

/** A developer acting from the dashboard: who, and from which address and browser. */
export type DeveloperActor = Extract<Actor, { type: "developer" }>;

type HeaderReader = { get(name: string): string | null };

const MAX_USER_AGENT_LENGTH = 512;

/**
 * The client's address as the proxy in front of the app reports it: the first entry of
 * X-Forwarded-For, else X-Real-IP. Null when neither is present or the value is not an
 * address, so that the audit trail never stores arbitrary header text as an IP.
 */
export function clientAddress(headers: HeaderReader): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim();
  if (!candidate || !/^[0-9A-Fa-f:.]{2,45}$/.test(candidate)) return null;
  return candidate;
}

export function developerActor(
  developer: { id: string; email: string },
  headers: HeaderReader,
): DeveloperActor {
  const userAgent = headers.get("user-agent")?.slice(0, MAX_USER_AGENT_LENGTH) || null;
  return {
    type: "developer",
    id: developer.id,
    email: developer.email,
    ipAddress: clientAddress(headers),
    userAgent,
  };
}
