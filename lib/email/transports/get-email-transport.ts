import { env } from "@/lib/env";
import type { EmailTransport } from "./email-transport";
import { createLocalTransport } from "./local-transport";
import { createResendTransport } from "./resend-transport";

let cached: EmailTransport | undefined;

/** The transport chosen by EMAIL_TRANSPORT, built once per process. */
export function getEmailTransport(): EmailTransport {
  if (cached) return cached;

  const config = env();
  if (config.EMAIL_TRANSPORT === "resend") {
    // env() refuses EMAIL_TRANSPORT=resend without RESEND_API_KEY.
    cached = createResendTransport({
      apiKey: config.RESEND_API_KEY as string,
      baseUrl: config.RESEND_BASE_URL,
    });
  } else {
    cached = createLocalTransport();
  }
  return cached;
}
