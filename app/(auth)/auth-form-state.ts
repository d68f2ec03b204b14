import type { FormState } from "@/components/ui/form-state";
import { AuthFailure } from "@/lib/auth/auth-failure";
import { reportUnexpected } from "@/lib/http/unexpected-error";
import { logger } from "@/lib/logger";

export type AuthField = "email" | "password";
export type AuthFormState = FormState<AuthField>;

const log = logger.child({ module: "auth" });

/**
 * Runs a sign-up or sign-in step. Returns null when it succeeded, or the errors to show:
 * an AuthFailure's own text next to its field, anything else as generic text (logged).
 */
export async function runAuthStep(
  step: () => Promise<unknown>,
  action: string,
): Promise<Omit<AuthFormState, "values"> | null> {
  try {
    await step();
    return null;
  } catch (error) {
    if (error instanceof AuthFailure) {
      return error.field
        ? { fieldErrors: { [error.field]: error.message }, formError: null }
        : { fieldErrors: {}, formError: error.message };
    }
    return { fieldErrors: {}, formError: await reportUnexpected(log, error, action) };
  }
}
