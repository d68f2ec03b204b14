"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { initialFormState } from "@/components/ui/form-state";
import { PageHeader } from "@/components/ui/page-header";
import { TextField } from "@/components/ui/text-field";
import { useClientValidation } from "@/components/ui/use-client-validation";
import { CREATE_PROJECT_FIELDS, createProjectSchema } from "@/lib/projects/project-name.schema";
import { type CreateProjectState, createProjectAction } from "./create-project.action";
import { KeyRevealPanel } from "./key-reveal-panel";

const INITIAL_STATE: CreateProjectState = { status: "editing", ...initialFormState<"name">() };

/** The form, then, once the project exists, its keys: on one page and never in the URL. */
export function CreateProjectFlow() {
  const [state, formAction, pending] = useActionState(createProjectAction, INITIAL_STATE);
  const { clientErrors, onSubmit } = useClientValidation(
    createProjectSchema,
    CREATE_PROJECT_FIELDS,
  );

  if (state.status === "created") {
    return (
      <div className="space-y-6">
        <PageHeader
          title={`${state.project.name} is ready`}
          description="Your project and its two API keys have been created."
        />
        <KeyRevealPanel project={state.project} keys={state.keys} />
      </div>
    );
  }

  const errors = clientErrors ?? state.fieldErrors;
  return (
    <div className="space-y-6">
      <PageHeader
        title="New project"
        description="A project holds your collections, end users and a pair of API keys."
      />
      <Card className="max-w-xl">
        <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
          <TextField
            name="name"
            label="Project name"
            autoComplete="off"
            required
            defaultValue={state.values.name}
            error={errors.name}
            hint="Up to 64 characters. It appears in emails about your keys."
          />
          {state.formError && !clientErrors ? <Alert tone="error">{state.formError}</Alert> : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" pending={pending} pendingLabel="Creating project…">
              Create project
            </Button>
            <Link href="/projects" className={buttonClassName({ variant: "secondary" })}>
              Cancel
            </Link>
          </div>
        </form>
      </Card>
    </div>
  );
}
