"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type SettingsErrorProps = { error: unknown; retry: () => void };

/**
 * The keys could not be read (the database was unreachable, say). The cause is in the
 * server's log under the digest; nothing about the keys changed.
 */
export default function SettingsError({ error, retry }: SettingsErrorProps) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Project settings</h1>
      <Alert tone="error" title="The keys could not be loaded">
        <p>Nothing was changed. Try again; if it keeps happening, quote the reference below.</p>
        {digest ? <p className="mt-1 font-mono">Reference: {digest}</p> : null}
      </Alert>
      <Button onClick={retry}>Try again</Button>
    </div>
  );
}
