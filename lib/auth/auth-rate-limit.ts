import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { consumeAttempt } from "@/lib/rate-limit/fixed-window";
import { clientAddress } from "@/lib/rotation/request-actor";
import { AuthFailure } from "./auth-failure";

export const AUTH_WINDOW_SECONDS = 60;

export type AuthStep = "sign-in" | "sign-up";

// Redis keys carry a digest of the address, never the address itself.
function accountBucket(email: string): string {
  return createHash("sha256").update(email).digest("hex").slice(0, 32);
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds === 1 ? "1 second" : `${retryAfterSeconds} seconds`;
  return `Too many attempts. Try again in ${wait}.`;
}

/**
 * Slows password guessing down: AUTH_RATE_LIMIT_MAX attempts a minute per client address,
 * and for sign-in also per account, since an address is easy to vary. better-auth's own
 * limiter guards only its HTTP routes, not the server-side calls the dashboard makes.
 */
export async function assertAuthAttemptAllowed(
  step: AuthStep,
  email: string,
  requestHeaders: Headers,
): Promise<void> {
  const buckets = [`auth:${step}:address:${clientAddress(requestHeaders) ?? "unknown"}`];
  if (step === "sign-in") buckets.push(`auth:sign-in:account:${accountBucket(email)}`);

  for (const bucket of buckets) {
    const decision = await consumeAttempt(bucket, env().AUTH_RATE_LIMIT_MAX, AUTH_WINDOW_SECONDS);
    if (!decision.allowed)
      throw new AuthFailure(tooManyAttemptsMessage(decision.retryAfterSeconds));
  }
}
