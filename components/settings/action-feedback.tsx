"use client";

import { ActionError } from "./action-error";
import { PasswordConfirmation } from "./password-confirmation";
import { passwordErrorOf, type useSensitiveAction } from "./use-sensitive-action";

type ActionFeedbackProps = {
  action: ReturnType<typeof useSensitiveAction>;
  password: string;
  onPasswordChange: (password: string) => void;
  /** "rotate the secret key": what the password unlocks, inside a sentence. */
  purpose: string;
  projectId: string;
};

/**
 * Below a key dialog's fields: the password, when the server asked for it, and what went
 * wrong. A wrong password is said under the field itself; anything else in an alert.
 */
export function ActionFeedback(props: ActionFeedbackProps) {
  const { action, password, onPasswordChange, purpose, projectId } = props;
  const passwordError = passwordErrorOf(action.error);

  return (
    <>
      {action.needsPassword ? (
        <PasswordConfirmation
          value={password}
          onChange={onPasswordChange}
          error={passwordError}
          purpose={purpose}
        />
      ) : null}
      {action.error && !passwordError ? (
        <ActionError error={action.error} returnTo={`/projects/${projectId}/settings`} />
      ) : null}
    </>
  );
}
