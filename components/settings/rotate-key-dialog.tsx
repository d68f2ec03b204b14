"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRef, useState } from "react";
import { rotateKey } from "@/app/projects/[projectId]/settings/actions";
import { Button } from "@/components/ui/button";
import type { KeyType } from "@/lib/keys/key-format";
import type { RotateKeyInput } from "@/lib/rotation/rotate-key.schema";
import type { RotateKeyResult } from "@/lib/rotation/rotation-result";
import type { KeyView } from "@/lib/settings/key-panel-view";
import { DialogFrame } from "./dialog-frame";
import { KEY_TYPE_COPY, maskedKey } from "./key-type-copy";
import { RotateKeyForm } from "./rotate-key-form";
import { useSensitiveAction } from "./use-sensitive-action";

export type RotatedKey = Extract<RotateKeyResult, { ok: true }>;

export type RotateKeyDialogProps = {
  project: { id: string; name: string };
  ownerEmail: string;
  keyType: KeyType;
  currentKey: KeyView | null;
  hasKeysInGrace: boolean;
  onRotated: (rotated: RotatedKey) => void;
};

// A lost answer may hide a rotation that happened, whose new key nobody saw.
const NETWORK_MESSAGE =
  "The request did not complete, so Rekey cannot tell whether the key was rotated. Check " +
  "your connection, then reload this page and look at the keys before trying again.";

/** The "Rotate … Key" button and the dialog that confirms the rotation. */
export function RotateKeyDialog(props: RotateKeyDialogProps) {
  const { keyType, currentKey, onRotated } = props;
  const copy = KEY_TYPE_COPY[keyType];
  const [open, setOpen] = useState(false);
  const action = useSensitiveAction(NETWORK_MESSAGE);
  const rotated = useRef(false);

  function changeOpen(next: boolean) {
    // Closing while the rotation runs would throw away the only copy of the new key.
    if (!next && action.pending) return;
    if (next) {
      action.reset();
      rotated.current = false;
    }
    setOpen(next);
  }

  async function rotate(input: RotateKeyInput, password: string | null) {
    const result = await action.run(() => rotateKey(input), password);
    if (!result) return;

    rotated.current = true;
    setOpen(false);
    onRotated(result);
  }

  const replaces = currentKey ? ` ${maskedKey(currentKey)}` : "";
  return (
    <Dialog.Root open={open} onOpenChange={changeOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary">{copy.rotateLabel}</Button>
      </Dialog.Trigger>
      <DialogFrame
        title={`Rotate the ${copy.noun}`}
        description={`This replaces the current ${copy.noun}${replaces} with a new one.`}
        // Radix would focus the first radio, "Immediately", while 24 hours is the one chosen:
        // a Space there would end the old key at once. Focus starts on the chosen one instead.
        onOpenAutoFocus={(event) => {
          const content = event.currentTarget as HTMLElement | null;
          const chosen = content?.querySelector<HTMLInputElement>('input[type="radio"]:checked');
          if (!chosen) return;
          event.preventDefault();
          chosen.focus();
        }}
        // The reveal panel takes focus after a rotation; otherwise it returns to the button.
        onCloseAutoFocus={(event) => {
          if (rotated.current) event.preventDefault();
        }}
      >
        <RotateKeyForm {...props} action={action} onConfirm={rotate} />
      </DialogFrame>
    </Dialog.Root>
  );
}
