"use client";

import { SIGN_UP_FIELDS, signUpSchema } from "@/lib/auth/credentials.schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { CredentialsForm } from "../credentials-form";
import { signUpAction } from "./sign-up.action";

export function SignUpForm({ next }: { next: string | null }) {
  return (
    <CredentialsForm
      action={signUpAction}
      schema={signUpSchema}
      fields={SIGN_UP_FIELDS}
      next={next}
      passwordAutoComplete="new-password"
      passwordHint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      submitLabel="Create account"
      pendingLabel="Creating account…"
    />
  );
}
