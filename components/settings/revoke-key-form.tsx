"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { formatCountdown } from "@/lib/settings/countdown";
import type { GraceKeyView } from "@/lib/settings/key-panel-view";
import { describeLastUse } from "@/lib/settings/last-use-notice";
import { ActionFeedback } from "./action-feedback";
import { useNow } from "./clock";
import { DialogButtons } from "./dialog-frame";
import { LocalDateTime } from "./local-date-time";
import type { useSensitiveAction } from "./use-sensitive-action";

type RevokeKeyFormProps = {
  projectId: string;
  graceKey: GraceKeyView;
  action: ReturnType<typeof useSensitiveAction>;
  onConfirm: (password: string | null) => void;
};

/**
 * When the key was last used and what revoking means. If its grace period ends while the
 * dialog is open, there is nothing left to confirm and only Close remains.
 */
export function RevokeKeyForm({ projectId, graceKey, action, onConfirm }: RevokeKeyFormProps) {
  const now = useNow();
  const [password, setPassword] = useState("");
  const expired = now >= Date.parse(graceKey.expiresAt);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (expired || action.pending) return;
    onConfirm(action.needsPassword ? password : null);
  }

  const confirmLabel = action.needsPassword ? "Confirm password and revoke" : "Revoke key";
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {expired ? (
        <Alert tone="info" title="This key has already stopped working">
          Its grace period ended, so there is nothing left to revoke.
        </Alert>
      ) : (
        <>
          <RevokeDetails graceKey={graceKey} now={now} />
          <ActionFeedback
            action={action}
            password={password}
            onPasswordChange={setPassword}
            purpose="revoke the key"
            projectId={projectId}
          />
        </>
      )}
      <DialogButtons
        pending={action.pending}
        cancelLabel={expired ? "Close" : "Cancel"}
        confirm={
          expired ? null : { label: confirmLabel, pendingLabel: "Revoking…", variant: "danger" }
        }
      />
    </form>
  );
}

function RevokeDetails({ graceKey, now }: { graceKey: GraceKeyView; now: number }) {
  const lastUsedAt = graceKey.lastUsedAt ? new Date(graceKey.lastUsedAt) : null;
  const notice = describeLastUse(lastUsedAt, new Date(now));
  const requests = graceKey.requestsLastHour;

  return (
    <div className="space-y-3 text-sm text-slate-700">
      {notice.tone === "warning" ? (
        <Alert tone="warning" title="Still in use">
          {notice.text}
        </Alert>
      ) : (
        <p className="font-medium text-slate-900">{notice.text}</p>
      )}
      {requests > 0 ? (
        <p>{requests === 1 ? "1 request" : `${requests} requests`} in the last hour.</p>
      ) : null}
      <p>
        If you do nothing, it keeps working until <LocalDateTime value={graceKey.expiresAt} /> (
        {formatCountdown(Date.parse(graceKey.expiresAt), now)} from now).
      </p>
      <p>This cannot be undone. We email you about it.</p>
    </div>
  );
}
