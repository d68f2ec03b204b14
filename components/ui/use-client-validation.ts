import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { type FieldErrors, fieldErrorsOf, textFields } from "./form-state";

/**
 * Checks a form with the same zod schema its server action uses, before it is sent, and
 * stops the submission when it fails. Returns the errors found, or null once a submission
 * passes (then the action's own answer is what counts).
 */
export function useClientValidation<Field extends string>(
  schema: z.ZodType,
  fields: readonly Field[],
) {
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field> | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const result = schema.safeParse(textFields(new FormData(form), fields));
    if (result.success) {
      setClientErrors(null);
      return;
    }

    event.preventDefault();
    const errors = fieldErrorsOf<Field>(result.error);
    setClientErrors(errors);

    // Keyboard and screen reader users land on the first field that needs fixing.
    const first = fields.find((field) => errors[field]);
    if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  return { clientErrors, onSubmit };
}
