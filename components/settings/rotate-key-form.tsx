"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import {
  DEFAULT_GRACE_PERIOD,
  type GracePeriodId,
  gracePeriod,
} from "@/lib/rotation/grace-periods";
import type { RotateKeyInput } from "@/lib/rotation/rotate-key.schema";
import { ActionError } from "./action-error";
import { useNow } from "./clock";
import { DialogActions } from "./dialog-frame";
import { GraceChoice } from "./grace-choice";
import { KEY_TYPE_COPY } from "./key-type-copy";
import { PasswordConfirmation } from "./password-confirmation";
import type { RotateKeyDialogProps } from "./rotate-key-dialog";
import { RotationConsequences } from "./rotation-consequences";
import { passwordErrorOf, type useSensitiveAction } from "./use-sensitive-action";

type RotateKeyFormProps = Omit<RotateKeyDialogProps, "onRotated"> & {
  action: ReturnType<typeof useSensitiveAction>;
  onConfirm: (input: RotateKeyInput, password: string | null) => void;
};

/**
 * What a rotation will do, the grace choice and, for the secret key, the project name typed
 * out. Mounted afresh each time the dialog opens, so every rotation starts from the default.
 */
export function RotateKeyForm(props: RotateKeyFormProps) {
  const { project, keyType, action, onConfirm } = props;
  const copy = KEY_TYPE_COPY[keyType];
  const now = useNow();
  const [grace, setGrace] = useState<GracePeriodId>(DEFAULT_GRACE_PERIOD);
  const [typedName, setTypedName] = useState("");
  const [password, setPassword] = useState("");

  // The secret key can write and delete data, so its rotation asks for deliberate intent.
  const needsName = keyType === "secret";
  const confirmed = !needsName || typedName === project.name;
  const immediately = gracePeriod(grace).seconds === 0;
  const passwordError = passwordErrorOf(action.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed || action.pending) return;
    onConfirm({ projectId: project.id, keyType, grace }, action.needsPassword ? password : null);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <RotationConsequences {...props} grace={grace} now={now} />
      <GraceChoice value={grace} onChange={setGrace} now={now} disabled={action.pending} />
      {needsName ? (
        <TextField
          name="projectName"
          label={`Type the project name, ${project.name}, to confirm`}
          hint="The button below stays disabled until the name matches exactly."
          autoComplete="off"
          spellCheck={false}
          value={typedName}
          onChange={(event) => setTypedName(event.target.value)}
          disabled={action.pending}
        />
      ) : null}
      {action.needsPassword ? (
        <PasswordConfirmation
          value={password}
          onChange={setPassword}
          error={passwordError}
          purpose={`rotate the ${copy.noun}`}
        />
      ) : null}
      {action.error && !passwordError ? (
        <ActionError error={action.error} returnTo={`/projects/${project.id}/settings`} />
      ) : null}
      <DialogActions>
        <Dialog.Close asChild>
          <Button variant="secondary" disabled={action.pending}>
            Cancel
          </Button>
        </Dialog.Close>
        <Button
          type="submit"
          variant={immediately ? "danger" : "primary"}
          disabled={!confirmed}
          pending={action.pending}
          pendingLabel="Rotating…"
        >
          {action.needsPassword ? `Confirm password and rotate` : `Rotate ${copy.noun}`}
        </Button>
      </DialogActions>
    </form>
  );
}
