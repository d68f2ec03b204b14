"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/components/ui/form-state";
import { TextField } from "@/components/ui/text-field";
import { useClientValidation } from "@/components/ui/use-client-validation";
import { SIGN_IN_FIELDS, signInSchema } from "@/lib/auth/credentials.schema";
import type { AuthField } from "../auth-form-state";
import { signInAction } from "./sign-in.action";

export function SignInForm({ next }: { next: string | null }) {
  const [state, formAction, pending] = useActionState(signInAction, initialFormState<AuthField>());
  const { clientErrors, onSubmit } = useClientValidation(signInSchema, SIGN_IN_FIELDS);
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
        autoComplete="current-password"
        required
        error={errors.password}
      />
      {state.formError && !clientErrors ? <Alert tone="error">{state.formError}</Alert> : null}
      <Button type="submit" pending={pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </Button>
    </form>
  );
}
