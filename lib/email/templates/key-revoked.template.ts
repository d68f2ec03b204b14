import type { KeyRevokedEmail } from "../email-data.schema";
import { formatWhen, keyTypeLabel } from "./email-format";
import { type EmailContent, type RenderedEmail, renderEmailContent } from "./email-layout";
import {
  actorFacts,
  notYouSection,
  ownerFooter,
  projectButtons,
  type RenderContext,
  subjectLine,
} from "./template-context";

/** Sent when an owner ends an old key's grace period early ("Revoke now"). */
export function renderKeyRevokedEmail(
  data: KeyRevokedEmail,
  context: RenderContext,
): RenderedEmail {
  const type = keyTypeLabel(data.keyType);
  const revokedAt = formatWhen(data.revokedAt, context.now);

  const content: EmailContent = {
    subject: subjectLine(`Old ${type.toLowerCase()} revoked for ${data.projectName}`),
    heading: `Old ${type.toLowerCase()} revoked`,
    intro:
      `${data.actorEmail} revoked the old ${type.toLowerCase()} ${data.maskedKey} of ` +
      `${data.projectName} before its grace period ended. It stopped working at ${revokedAt}; ` +
      "requests that still use it are refused.",
    facts: [
      ["Project", data.projectName],
      ["Key", type],
      ["Revoked key", data.maskedKey],
      ...actorFacts("Revoked by", data),
      ["When", revokedAt],
      ["Old key stops working", `${revokedAt}, revoked early`],
    ],
    sections: [
      notYouSection("Check the project's settings: every deployment must now use the current key."),
    ],
    links: projectButtons(context.appUrl, data.projectId),
    footer: ownerFooter(data.projectName),
  };
  return renderEmailContent(content);
}
