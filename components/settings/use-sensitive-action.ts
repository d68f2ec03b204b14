"use client";

import { useRef, useState } from "react";
import { reauthenticate } from "@/app/projects/[projectId]/settings/actions";
import type { Failure, RotationErrorInfo } from "@/lib/rotation/rotation-result";

/** An error as a dialog shows it; `network` when no answer came back at all. */
export type ShownError = Omit<RotationErrorInfo, "code"> & {
  code: RotationErrorInfo["code"] | "network";
};

type Success = { ok: true };

/**
 * Runs a key-changing server action from a dialog: one call at a time (a second submit
 * while one runs is ignored), and when the server asks for the password, `needsPassword`
 * turns on; the next `run` with that password confirms it, then retries the action.
 * Failures become `error`, in the server's plain words; a call that never got an answer
 * becomes `networkMessage`, never the exception's text.
 */
export function useSensitiveAction(networkMessage: string) {
  const [pending, setPending] = useState(false);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const inFlight = useRef(false);

  async function attempt<S extends Success>(
    call: () => Promise<S | Failure>,
    password: string | null,
  ): Promise<S | null> {
    if (password !== null) {
      const confirmed = await reauthenticate({ password });
      if (!confirmed.ok) {
        setError(confirmed.error);
        return null;
      }
    }

    const result = await call();
    if (result.ok) return result;

    // Asked again right after a confirmed password, the message explains why; otherwise the
    // password field says it on its own.
    const asksForPassword = result.error.code === "reauthentication_required";
    if (asksForPassword) setNeedsPassword(true);
    setError(asksForPassword && password === null ? null : result.error);
    return null;
  }

  async function run<S extends Success>(
    call: () => Promise<S | Failure>,
    password: string | null = null,
  ): Promise<S | null> {
    if (inFlight.current) return null;
    inFlight.current = true;
    setPending(true);
    setError(null);
    try {
      return await attempt(call, password);
    } catch {
      setError({ code: "network", message: networkMessage });
      return null;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  function reset() {
    setNeedsPassword(false);
    setError(null);
  }

  return { pending, needsPassword, error, run, reset };
}

/** What to show under the password field, when the password is what was wrong. */
export function passwordErrorOf(error: ShownError | null): string | null {
  if (!error) return null;
  if (error.code === "wrong_password") return error.message;
  return error.fieldErrors?.password?.[0] ?? null;
}
