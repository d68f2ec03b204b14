import type { KeyExpiredEmail } from "../email-data.schema";
import { formatWhen, keyTypeLabel } from "./email-format";
import { type EmailContent, type RenderedEmail, renderEmailContent } from "./email-layout";
import { ownerFooter, projectButtons, type RenderContext, subjectLine } from "./template-context";

/** Sent when an old key's grace period runs out on its own. */
export function renderKeyExpiredEmail(
  data: KeyExpiredEmail,
  context: RenderContext,
): RenderedEmail {
  const type = keyTypeLabel(data.keyType);
  const expiredAt = formatWhen(data.expiredAt, context.now);

  const content: EmailContent = {
    subject: subjectLine(`Old ${type.toLowerCase()} expired for ${data.projectName}`),
    heading: `Old ${type.toLowerCase()} expired`,
    intro:
      `The grace period of the old ${type.toLowerCase()} ${data.maskedKey} of ` +
      `${data.projectName} has ended. It stopped working at ${expiredAt}; requests that ` +
      "still use it are refused.",
    facts: [
      ["Project", data.projectName],
      ["Key", type],
      ["Expired key", data.maskedKey],
      ["By", "Rekey, when the grace period ended"],
      ["Old key stopped working", expiredAt],
    ],
    sections: [
      {
        heading: "If requests start failing",
        steps: [
          "Make sure every deployment uses the current key shown in the project's settings.",
          "Look for the expiry in the project's audit trail.",
        ],
      },
    ],
    links: projectButtons(context.appUrl, data.projectId),
    footer: ownerFooter(data.projectName),
  };
  return renderEmailContent(content);
}
