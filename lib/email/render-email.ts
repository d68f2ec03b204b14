import type { z } from "zod";
import type { EmailTemplate } from "@/db/schema";
import {
  keyExpiredEmailSchema,
  keyRevokedEmailSchema,
  keyRotatedEmailSchema,
} from "./email-data.schema";
import type { RenderedEmail } from "./templates/email-layout";
import { renderKeyExpiredEmail } from "./templates/key-expired.template";
import { renderKeyRevokedEmail } from "./templates/key-revoked.template";
import { renderKeyRotatedEmail } from "./templates/key-rotated.template";
import type { RenderContext } from "./templates/template-context";

/** An outbox row whose data does not match its template: retrying cannot fix it. */
export class EmailDataError extends Error {
  constructor(
    readonly template: string,
    readonly problems: string[],
  ) {
    super(`email data does not match the ${template} template: ${problems.join("; ")}`);
    this.name = "EmailDataError";
  }
}

function parseData<S extends z.ZodType>(template: EmailTemplate, schema: S, data: unknown) {
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  // Only paths and zod's messages, never the values, which could be anything.
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`);
  throw new EmailDataError(template, problems);
}

/** Renders an outbox row's template from its stored data, parsed against the contract. */
export function renderEmail(
  template: EmailTemplate,
  data: unknown,
  context: RenderContext,
): RenderedEmail {
  switch (template) {
    case "key-rotated":
      return renderKeyRotatedEmail(parseData("key-rotated", keyRotatedEmailSchema, data), context);
    case "key-revoked":
      return renderKeyRevokedEmail(parseData("key-revoked", keyRevokedEmailSchema, data), context);
    case "key-expired":
      return renderKeyExpiredEmail(parseData("key-expired", keyExpiredEmailSchema, data), context);
    default:
      throw new EmailDataError(String(template), ["unknown template"]);
  }
}
