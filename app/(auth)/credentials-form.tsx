"use client";

import { useActionState } from "react";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/components/ui/form-state";
import { TextField } from "@/components/ui/text-field";
import { useClientValidation } from "@/components/ui/use-client-validation";
import type { AuthField, AuthFormState } from "./auth-form-state";

type CredentialsFormProps = {
  action: (previous: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  /** The action's own schema, checked in the browser first. */
  schema: z.ZodType;
  fields: readonly (AuthField | "next")[];
  /** Where to go after success; sent back in a hidden field. */
  next: string | null;
  /** "current-password" to sign in, "new-password" to sign up, for password managers. */
  passwordAutoComplete: "current-password" | "new-password";
  passwordHint?: string;
  submitLabel: string;
  pendingLabel: string;
};

/** The email and password form that signing in and signing up share. */
export function CredentialsForm(props: CredentialsFormProps) {
  const [state, formAction, pending] = useActionState(props.action, initialFormState<AuthField>());
  const { clientErrors, onSubmit } = useClientValidation(props.schema, props.fields);
  const errors = clientErrors ?? state.fieldErrors;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values.email}
        error={errors.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete={props.passwordAutoComplete}
        required
        hint={props.passwordHint}
        error={errors.password}
      />
      {state.formError && !clientErrors ? <Alert tone="error">{state.formError}</Alert> : null}
      <Button type="submit" pending={pending} pendingLabel={props.pendingLabel} className="w-full">
        {props.submitLabel}
      </Button>
    </form>
  );
}
