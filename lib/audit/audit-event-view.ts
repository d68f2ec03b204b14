import type { AuditEvent } from "@/db/audit-events";
import { describeGrace, formatUtc } from "@/lib/email/templates/email-format";
import { maskKey } from "@/lib/keys/key-format";
import { AUDIT_ACTION_LABELS } from "./audit-actions";
import { describeUserAgent } from "./describe-user-agent";

/** One event as the Audit page and the CSV show it: plain strings, never a key. */
export type AuditEventView = {
  id: number;
  time: string;
  action: string;
  actionLabel: string;
  actor: string;
  actorId: string;
  ipAddress: string;
  userAgent: string;
  browser: string;
  keyType: string;
  key: string;
  details: string;
};

function keyOf(event: AuditEvent): string {
  if (!event.keyPrefix || !event.keyLastFour) return "";
  return maskKey(event.keyPrefix, event.keyLastFour);
}

// A rotation records its successor's display parts in metadata; nothing else is read there.
function newKeyOf(event: AuditEvent): string | null {
  const { newKeyPrefix, newKeyLastFour } = event.metadata ?? {};
  if (typeof newKeyPrefix !== "string" || typeof newKeyLastFour !== "string") return null;
  return maskKey(newKeyPrefix, newKeyLastFour);
}

function detailsOf(event: AuditEvent): string {
  const parts: string[] = [];
  const newKey = newKeyOf(event);
  if (newKey) parts.push(`new key ${newKey}`);
  if (event.graceSeconds !== null) parts.push(`grace ${describeGrace(event.graceSeconds)}`);
  if (event.keyExpiresAt) parts.push(`old key stops ${formatUtc(event.keyExpiresAt)}`);

  const name = event.metadata?.name;
  if (event.action === "project.created" && typeof name === "string") parts.push(`name ${name}`);
  return parts.join("; ");
}

export function viewAuditEvent(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    time: formatUtc(event.createdAt),
    action: event.action,
    actionLabel: AUDIT_ACTION_LABELS[event.action] ?? event.action,
    actor: event.actorType === "system" ? "System" : (event.actorEmail ?? "unknown developer"),
    actorId: event.actorId ?? "",
    ipAddress: event.ipAddress ?? "",
    userAgent: event.userAgent ?? "",
    browser: event.userAgent ? describeUserAgent(event.userAgent) : "",
    keyType: event.keyType ?? "",
    key: keyOf(event),
    details: detailsOf(event),
  };
}
