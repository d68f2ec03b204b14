"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { revokePreviousKey } from "@/app/projects/[projectId]/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RevokeKeyResult } from "@/lib/rotation/rotation-result";
import { formatCountdown } from "@/lib/settings/countdown";
import type { GraceKeyView } from "@/lib/settings/key-panel-view";
import { describeLastUse } from "@/lib/settings/last-use-notice";
import { ActionError } from "./action-error";
import { useNow } from "./clock";
import { DialogActions, DialogFrame } from "./dialog-frame";
import { maskedKey } from "./key-type-copy";
import { LocalDateTime } from "./local-date-time";
import { PasswordConfirmation } from "./password-confirmation";
import { passwordErrorOf, useSensitiveAction } from "./use-sensitive-action";

export type RevokedKey = Extract<RevokeKeyResult, { ok: true }>;

type RevokeKeyDialogProps = {
  projectId: string;
  graceKey: GraceKeyView;
  onRevoked: (revoked: RevokedKey) => void;
  /** Moves focus somewhere that stays, since the row that opened the dialog goes away. */
  focusAfterRevoke: () => void;
};

const NETWORK_MESSAGE =
  "The request did not complete, so Rekey cannot tell whether the key was revoked. Check " +
  "your connection, then reload this page to see whether the key is still listed.";

/** The "Revoke now" button of a key in grace, and the dialog that confirms it. */
export function RevokeKeyDialog({
  projectId,
  graceKey,
  onRevoked,
  focusAfterRevoke,
}: RevokeKeyDialogProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const action = useSensitiveAction(NETWORK_MESSAGE);
  const revoked = useRef(false);

  function changeOpen(next: boolean) {
    if (!next && action.pending) return;
    if (next) {
      action.reset();
      revoked.current = false;
      // The last use shown must be fresh: it is what tells the owner whether this is safe.
      router.refresh();
    }
    setOpen(next);
  }

  async function revoke(password: string | null) {
    const input = { projectId, keyId: graceKey.id };
    const result = await action.run(() => revokePreviousKey(input), password);
    if (!result) return;

    revoked.current = true;
    setOpen(false);
    onRevoked(result);
  }

  return (
    <Dialog.Root open={open} onOpenChange={changeOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" size="sm">
          Revoke now
        </Button>
      </Dialog.Trigger>
      <DialogFrame
        title={`Revoke ${maskedKey(graceKey)} now?`}
        description="Requests that send this key are refused from the moment you confirm."
        onCloseAutoFocus={(event) => {
          if (!revoked.current) return;
          event.preventDefault();
          focusAfterRevoke();
        }}
      >
        <RevokeKeyForm
          graceKey={graceKey}
          action={action}
          onConfirm={revoke}
          projectId={projectId}
        />
      </DialogFrame>
    </Dialog.Root>
  );
}

type RevokeKeyFormProps = {
  projectId: string;
  graceKey: GraceKeyView;
  action: ReturnType<typeof useSensitiveAction>;
  onConfirm: (password: string | null) => void;
};

function RevokeKeyForm({ projectId, graceKey, action, onConfirm }: RevokeKeyFormProps) {
  const now = useNow();
  const [password, setPassword] = useState("");
  const expiresAtMs = Date.parse(graceKey.expiresAt);
  const expired = now >= expiresAtMs;
  const passwordError = passwordErrorOf(action.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (expired || action.pending) return;
    onConfirm(action.needsPassword ? password : null);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {expired ? (
        <Alert tone="info" title="This key has already stopped working">
          Its grace period ended, so there is nothing left to revoke.
        </Alert>
      ) : (
        <RevokeDetails graceKey={graceKey} now={now} />
      )}
      {action.needsPassword && !expired ? (
        <PasswordConfirmation
          value={password}
          onChange={setPassword}
          error={passwordError}
          purpose="revoke the key"
        />
      ) : null}
      {action.error && !passwordError ? (
        <ActionError error={action.error} returnTo={`/projects/${projectId}/settings`} />
      ) : null}
      <DialogActions>
        <Dialog.Close asChild>
          <Button variant="secondary" disabled={action.pending}>
            {expired ? "Close" : "Cancel"}
          </Button>
        </Dialog.Close>
        {expired ? null : (
          <Button type="submit" variant="danger" pending={action.pending} pendingLabel="Revoking…">
            {action.needsPassword ? "Confirm password and revoke" : "Revoke key"}
          </Button>
        )}
      </DialogActions>
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
