"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { revokePreviousKey } from "@/app/projects/[projectId]/settings/actions";
import { Button } from "@/components/ui/button";
import type { RevokeKeyResult } from "@/lib/rotation/rotation-result";
import type { GraceKeyView } from "@/lib/settings/key-panel-view";
import { DialogFrame } from "./dialog-frame";
import { maskedKey } from "./key-type-copy";
import { RevokeKeyForm } from "./revoke-key-form";
import { useSensitiveAction } from "./use-sensitive-action";

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
