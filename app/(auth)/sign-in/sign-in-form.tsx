"use client";

import { SIGN_IN_FIELDS, signInSchema } from "@/lib/auth/credentials.schema";
import { CredentialsForm } from "../credentials-form";
import { signInAction } from "./sign-in.action";

export function SignInForm({ next }: { next: string | null }) {
  return (
    <CredentialsForm
      action={signInAction}
      schema={signInSchema}
      fields={SIGN_IN_FIELDS}
      next={next}
      passwordAutoComplete="current-password"
      submitLabel="Sign in"
      pendingLabel="Signing in…"
    />
  );
}
