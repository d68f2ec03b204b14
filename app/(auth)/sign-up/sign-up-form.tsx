"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/components/ui/form-state";
import { TextField } from "@/components/ui/text-field";
import { useClientValidation } from "@/components/ui/use-client-validation";
import { SIGN_UP_FIELDS, signUpSchema } from "@/lib/auth/credentials.schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import type { AuthField } from "../auth-form-state";
import { signUpAction } from "./sign-up.action";

export function SignUpForm({ next }: { next: string | null }) {
  const [state, formAction, pending] = useActionState(signUpAction, initialFormState<AuthField>());
  const { clientErrors, onSubmit } = useClientValidation(signUpSchema, SIGN_UP_FIELDS);
  const errors = clientErrors ?? state.fieldErrors;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      {next ? <input type="hidden" name="next" value={next} /> : null}
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
        autoComplete="new-password"
        required
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={errors.password}
      />
      {state.formError && !clientErrors ? <Alert tone="error">{state.formError}</Alert> : null}
      <Button type="submit" pending={pending} pendingLabel="Creating account…" className="w-full">
        Create account
      </Button>
    </form>
  );
}
