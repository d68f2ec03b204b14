import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { EmailSendError, type OutgoingEmail } from "@/lib/email/transports/email-transport";
import { createResendTransport } from "@/lib/email/transports/resend-transport";
import { resendError, resendOk, startResendStandIn } from "./resend-stand-in";

type StandIn = Awaited<ReturnType<typeof startResendStandIn>>;
let standIn: StandIn | undefined;

afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

function message(): OutgoingEmail {
  return {
    id: randomUUID(),
    from: "Rekey <rekey@example.com>",
    to: "owner@example.com",
    subject: "[Rekey] Secret key rotated for Shop",
    html: "<p>hello</p>",
    text: "hello\n",
  };
}

async function failure(promise: Promise<unknown>): Promise<EmailSendError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmailSendError);
  return error as EmailSendError;
}

describe("Resend transport", () => {
  it("sends through the SDK and returns Resend's id", async () => {
    standIn = await startResendStandIn(resendOk("re_4f0c"));
    const transport = createResendTransport({ apiKey: "re_test_key", baseUrl: standIn.baseUrl });
    const email = message();

    await expect(transport.send(email)).resolves.toEqual({ providerId: "re_4f0c" });

    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/emails");
    expect(request?.headers.authorization).toBe("Bearer re_test_key");
    expect(request?.headers["idempotency-key"]).toBe(email.id);
    expect(request?.body).toMatchObject({
      from: email.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
    });
  });

  it("reads its base URL from RESEND_BASE_URL when none is given", async () => {
    standIn = await startResendStandIn(resendOk("re_env"));
    process.env.RESEND_BASE_URL = standIn.baseUrl;
    try {
      const transport = createResendTransport({ apiKey: "re_test_key" });
      await expect(transport.send(message())).resolves.toEqual({ providerId: "re_env" });
    } finally {
      delete process.env.RESEND_BASE_URL;
    }
  });

  it("turns a returned server error into a retryable failure", async () => {
    standIn = await startResendStandIn(resendError(500, "application_error", "Resend is down"));
    const transport = createResendTransport({ apiKey: "re_test_key", baseUrl: standIn.baseUrl });

    const error = await failure(transport.send(message()));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe("Resend application_error (HTTP 500): Resend is down");
  });

  it("retries rate limits but not refused messages", async () => {
    standIn = await startResendStandIn((index) =>
      index === 0
        ? resendError(429, "rate_limit_exceeded", "Too many requests")
        : resendError(422, "validation_error", "Invalid `from` field"),
    );
    const transport = createResendTransport({ apiKey: "re_test_key", baseUrl: standIn.baseUrl });

    expect((await failure(transport.send(message()))).retryable).toBe(true);
    const refused = await failure(transport.send(message()));
    expect(refused.retryable).toBe(false);
    expect(refused.code).toBe("validation_error");
  });

  it("gives up on a request that does not answer in time", async () => {
    standIn = await startResendStandIn({ hang: true });
    const transport = createResendTransport({
      apiKey: "re_test_key",
      baseUrl: standIn.baseUrl,
      timeoutMs: 300,
    });

    const started = Date.now();
    const error = await failure(transport.send(message()));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.code).toBe("timeout");
    expect(error.retryable).toBe(true);
    expect(error.message).toBe("Resend did not answer within 300 ms");
  });

  it("treats an unreachable API as a retryable failure", async () => {
    standIn = await startResendStandIn(resendOk("unused"));
    const baseUrl = standIn.baseUrl;
    await standIn.close();
    standIn = undefined;

    const transport = createResendTransport({ apiKey: "re_test_key", baseUrl });
    const error = await failure(transport.send(message()));
    expect(error.retryable).toBe(true);
  });
});
