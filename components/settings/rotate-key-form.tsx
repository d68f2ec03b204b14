"use client";

import { type FormEvent, useState } from "react";
import {
  DEFAULT_GRACE_PERIOD,
  type GracePeriodId,
  gracePeriod,
} from "@/lib/rotation/grace-periods";
import type { RotateKeyInput } from "@/lib/rotation/rotate-key.schema";
import { ActionFeedback } from "./action-feedback";
import { useNow } from "./clock";
import { DialogButtons } from "./dialog-frame";
import { GraceChoice } from "./grace-choice";
import { KEY_TYPE_COPY } from "./key-type-copy";
import { ProjectNameConfirmation, projectNameMatches } from "./project-name-confirmation";
import type { RotateKeyDialogProps } from "./rotate-key-dialog";
import { RotationConsequences } from "./rotation-consequences";
import type { useSensitiveAction } from "./use-sensitive-action";

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
  const confirmed = !needsName || projectNameMatches(project.name, typedName);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed || action.pending) return;
    onConfirm({ projectId: project.id, keyType, grace }, action.needsPassword ? password : null);
  }

  const confirmLabel = action.needsPassword ? "Confirm password and rotate" : `Rotate ${copy.noun}`;
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <RotationConsequences {...props} grace={grace} now={now} />
      <GraceChoice value={grace} onChange={setGrace} now={now} disabled={action.pending} />
      {needsName ? (
        <ProjectNameConfirmation
          projectName={project.name}
          value={typedName}
          onChange={setTypedName}
          disabled={action.pending}
        />
      ) : null}
      <ActionFeedback
        action={action}
        password={password}
        onPasswordChange={setPassword}
        purpose={`rotate the ${copy.noun}`}
        projectId={project.id}
      />
      <DialogButtons
        pending={action.pending}
        confirm={{
          label: confirmLabel,
          pendingLabel: "Rotating…",
          variant: gracePeriod(grace).seconds === 0 ? "danger" : "primary",
          disabled: !confirmed,
        }}
      />
    </form>
  );
}
