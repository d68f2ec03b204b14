import { describeUserAgent } from "@/lib/audit/describe-user-agent";
import type { KeyRevokedEmail } from "../email-data.schema";
import { formatWhen, keyTypeLabel, projectLinks } from "./email-format";
import { type EmailContent, type RenderedEmail, renderEmailContent } from "./email-layout";
import { ownerFooter, type RenderContext, subjectLine } from "./template-context";

/** Sent when an owner ends an old key's grace period early ("Revoke now"). */
export function renderKeyRevokedEmail(
  data: KeyRevokedEmail,
  context: RenderContext,
): RenderedEmail {
  const links = projectLinks(context.appUrl, data.projectId);
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
      ["Revoked by", data.actorEmail],
      ["From IP address", data.ipAddress ?? "unknown"],
      ["Browser", describeUserAgent(data.userAgent)],
      ["When", revokedAt],
      ["Old key stops working", `${revokedAt}, revoked early`],
    ],
    sections: [
      {
        heading: "Was this not you?",
        steps: [
          "Check the project's settings: every deployment must now use the current key.",
          "Review the project's audit trail for other changes you did not make.",
          "Change your Rekey password.",
        ],
      },
    ],
    links: [
      { label: "Open project settings", href: links.settings },
      { label: "Review the audit trail", href: links.audit },
    ],
    footer: ownerFooter(data.projectName),
  };
  return renderEmailContent(content);
}
