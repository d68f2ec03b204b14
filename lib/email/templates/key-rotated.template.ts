import type { KeyRotatedEmail } from "../email-data.schema";
import { describeGrace, formatWhen, keyTypeLabel } from "./email-format";
import { type EmailContent, type RenderedEmail, renderEmailContent } from "./email-layout";
import {
  actorFacts,
  notYouSection,
  ownerFooter,
  projectButtons,
  type RenderContext,
  subjectLine,
} from "./template-context";

function oldKeyEnd(data: KeyRotatedEmail, now: Date): string {
  if (data.graceSeconds === 0) return `${formatWhen(data.oldKeyExpiresAt, now)}, revoked at once`;
  return formatWhen(data.oldKeyExpiresAt, now);
}

function intro(data: KeyRotatedEmail, now: Date): string {
  const type = keyTypeLabel(data.keyType).toLowerCase();
  const end =
    data.graceSeconds === 0
      ? "The old key was revoked at once."
      : `The old key keeps working until ${formatWhen(data.oldKeyExpiresAt, now)}: update ` +
        "every deployment that uses it before then.";
  const what = `${data.actorEmail} rotated the ${type} of ${data.projectName}.`;
  return `${what} The new key works now. ${end}`;
}

/** Sent to the owner after every rotation, whoever did it. */
export function renderKeyRotatedEmail(
  data: KeyRotatedEmail,
  context: RenderContext,
): RenderedEmail {
  const type = keyTypeLabel(data.keyType);

  const content: EmailContent = {
    subject: subjectLine(`${type} rotated for ${data.projectName}`),
    heading: `${type} rotated`,
    intro: intro(data, context.now),
    facts: [
      ["Project", data.projectName],
      ["Key", type],
      ["Old key", data.maskedKey],
      ["New key", data.newMaskedKey],
      ...actorFacts("Rotated by", data),
      ["When", formatWhen(data.rotatedAt, context.now)],
      ["Grace period", describeGrace(data.graceSeconds)],
      ["Old key stops working", oldKeyEnd(data, context.now)],
    ],
    sections: [
      notYouSection(
        `Rotate the ${type.toLowerCase()} again right away from the project's settings, ` +
          "choosing Immediately, so that the key made by someone else stops working.",
      ),
    ],
    links: projectButtons(context.appUrl, data.projectId),
    footer: ownerFooter(data.projectName),
  };
  return renderEmailContent(content);
}
