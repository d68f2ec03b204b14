"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";

type PasswordConfirmationProps = {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  /** "rotate the key": what the password unlocks, inside a sentence. */
  purpose: string;
};

/**
 * Shown inside a dialog when the sign-in is too old for a key change. The field takes focus
 * when it appears, so keyboard users can type straight away.
 */
export function PasswordConfirmation({
  value,
  onChange,
  error,
  purpose,
}: PasswordConfirmationProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector("input")?.focus();
  }, []);

  return (
    <div ref={box} className="space-y-3">
      <Alert tone="info" title="Confirm it is you">
        You signed in more than 15 minutes ago. Enter your password to {purpose}.
      </Alert>
      <TextField
        name="password"
        type="password"
        label="Your password"
        autoComplete="current-password"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={error}
      />
    </div>
  );
}
