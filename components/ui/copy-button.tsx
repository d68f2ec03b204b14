"use client";

import { useState } from "react";
import { Button } from "./button";

type CopyState = "idle" | "copied" | "failed";

type CopyButtonProps = {
  value: string;
  /** What is copied, for screen readers: the button reads "Copy <what>". */
  what: string;
  className?: string;
};

/**
 * Copies `value` to the clipboard. "Copied" stays until the next click rather than fading
 * after a delay, so that nobody has to catch it in time.
 */
export function CopyButton({ value, what, className }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // Clipboard access can be refused (permissions, insecure origin); say so plainly.
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy} className={className}>
        <CopyIcon done={state === "copied"} />
        {state === "copied" ? "Copied" : "Copy"}
        <span className="sr-only"> {what}</span>
      </Button>
      <span role="status" className={state === "failed" ? "text-sm text-red-700" : "sr-only"}>
        {state === "copied" ? `${capitalise(what)} copied to the clipboard.` : null}
        {state === "failed" ? "Could not copy: select the text and copy it by hand." : null}
      </span>
    </span>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function CopyIcon({ done }: { done: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      className="size-4"
    >
      {done ? (
        <path d="m4.5 10.5 3.5 3.5 7.5-8" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <>
          <rect x="7" y="7" width="9" height="9" rx="1.5" />
          <path d="M13 4.5V4a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" />
        </>
      )}
    </svg>
  );
}
