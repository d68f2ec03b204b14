"use client";

import { Button } from "@/components/ui/button";

type ErrorPageProps = { error: unknown; retry: () => void };

/**
 * Shown when a page fails unexpectedly. The server has logged the cause; the browser only
 * gets the digest, which is what support can look up.
 */
export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  return (
    <main id="main" className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="text-center text-slate-600">
        This page could not be shown. Try again; if it keeps happening, quote the reference below.
      </p>
      {digest ? <p className="font-mono text-sm text-slate-700">Reference: {digest}</p> : null}
      <Button onClick={retry} className="mt-2">
        Try again
      </Button>
    </main>
  );
}
