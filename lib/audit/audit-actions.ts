import { AUDIT_ACTIONS, type AuditAction } from "@/db/schema";

/** How each action reads on the Audit page and in its filter. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "project.created": "Project created",
  "api_key.created": "Key created",
  "api_key.rotated": "Key rotated",
  "api_key.revoked": "Old key revoked early",
  "api_key.expired": "Old key expired",
};

export const AUDIT_ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({
  value: action,
  label: AUDIT_ACTION_LABELS[action],
}));
