import type { z } from "zod";

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** What a form's server action returns when the submission did not go through. */
export type FormState<Field extends string> = {
  fieldErrors: FieldErrors<Field>;
  /** A message for the whole form, shown above the submit button. */
  formError: string | null;
  /** What was typed, so that a failed submit keeps it. Never holds a password. */
  values: Partial<Record<Field, string>>;
};

export function initialFormState<Field extends string>(): FormState<Field> {
  return { fieldErrors: {}, formError: null, values: {} };
}

/** The first message for each field of a failed parse, keyed by the field's name. */
export function fieldErrorsOf<Field extends string>(error: z.ZodError): FieldErrors<Field> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && !(field in errors)) errors[field] = issue.message;
  }
  return errors as FieldErrors<Field>;
}

/** The named text fields of a submission; anything else (files, missing fields) reads "". */
export function textFields<Field extends string>(
  formData: FormData,
  fields: readonly Field[],
): Record<Field, string> {
  const values = {} as Record<Field, string>;
  for (const field of fields) {
    const value = formData.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}
