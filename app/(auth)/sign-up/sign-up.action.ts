"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { fieldErrorsOf, textFields } from "@/components/ui/form-state";
import { SIGN_UP_FIELDS, signUpSchema } from "@/lib/auth/credentials.schema";
import { signUpDeveloper } from "@/lib/auth/developer-auth";
import { DEFAULT_SIGNED_IN_PATH, safeNextPath } from "@/lib/auth/return-path";
import { type AuthFormState, runAuthStep } from "../auth-form-state";

export async function signUpAction(
  _previous: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const input = textFields(formData, SIGN_UP_FIELDS);
  const values = { email: input.email };

  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    return { fieldErrors: fieldErrorsOf(parsed.error), formError: null, values };
  }

  const requestHeaders = await headers();
  const failure = await runAuthStep(() => signUpDeveloper(parsed.data, requestHeaders), "sign-up");
  if (failure) return { ...failure, values };

  redirect(safeNextPath(parsed.data.next) ?? DEFAULT_SIGNED_IN_PATH);
}
