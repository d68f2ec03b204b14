"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/text-link";
import type { ShownError } from "./use-sensitive-action";

const TITLES: Partial<Record<ShownError["code"], string>> = {
  rate_limited: "Please wait before trying again",
  network: "No answer from Rekey",
  invalid_input: "That could not be used",
  unauthenticated: "You are signed out",
  internal_error: "Something went wrong",
};

/** A failed key change, in the server's plain words, with a way forward where there is one. */
export function ActionError({ error, returnTo }: { error: ShownError; returnTo: string }) {
  const box = useRef<HTMLDivElement>(null);

  // On a phone the dialog scrolls, and the message appears below the fold next to the buttons.
  // A block body: some browsers' scrollIntoView returns a promise, which React would take for
  // a cleanup function.
  useEffect(() => {
    box.current?.scrollIntoView({ block: "nearest" });
  }, []);

  return (
    <div ref={box}>
      <Alert tone="error" title={TITLES[error.code] ?? "Nothing was changed"}>
        <p>{error.message}</p>
        {error.code === "unauthenticated" ? (
          <p className="mt-2">
            <TextLink href={`/sign-in?next=${encodeURIComponent(returnTo)}`}>
              Sign in again
            </TextLink>
          </p>
        ) : null}
      </Alert>
    </div>
  );
}
