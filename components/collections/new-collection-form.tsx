"use client";

import { useActionState } from "react";
import type { NewCollectionState } from "@/app/projects/[projectId]/collections/actions";
import { createCollectionAction } from "@/app/projects/[projectId]/collections/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/components/ui/form-state";
import { TextField } from "@/components/ui/text-field";
import { useClientValidation } from "@/components/ui/use-client-validation";
import { NEW_COLLECTION_FIELDS, newCollectionFormSchema } from "@/lib/data/collection-name.schema";

const INITIAL_STATE: NewCollectionState = { ...initialFormState(), created: null };

/** "New collection": a name, checked here and again by the action with the same schema. */
export function NewCollectionForm({ projectId }: { projectId: string }) {
  const [state, formAction, pending] = useActionState(
    createCollectionAction.bind(null, projectId),
    INITIAL_STATE,
  );
  const { clientErrors, onSubmit } = useClientValidation(
    newCollectionFormSchema,
    NEW_COLLECTION_FIELDS,
  );
  const errors = clientErrors ?? state.fieldErrors;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField
        name="name"
        label="New collection"
        hint="Letters, digits, _ or -, starting with a letter. Clients use it in /api/data/<name>."
        autoComplete="off"
        required
        // A new key empties the field once a collection was created.
        key={state.created ?? "editing"}
        defaultValue={state.values.name}
        error={errors.name}
        className="max-w-md"
      />
      {state.formError && !clientErrors ? <Alert tone="error">{state.formError}</Alert> : null}
      <Button type="submit" pending={pending} pendingLabel="Creating…">
        Create collection
      </Button>
      <p role="status" className="text-sm text-emerald-800">
        {state.created && !clientErrors ? `Collection “${state.created}” created.` : null}
      </p>
    </form>
  );
}
