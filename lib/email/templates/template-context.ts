import { describeUserAgent } from "@/lib/audit/describe-user-agent";
import { projectLinks } from "./email-format";
import type { EmailContent } from "./email-layout";

/** What every template needs besides its data: where links point, and "now" for "in 2 hours". */
export type RenderContext = { appUrl: string; now: Date };

/** `[Rekey] …` on one line: a name with a line break must not split the subject header. */
export function subjectLine(text: string): string {
  return `[Rekey] ${text.replace(/[\r\n\t]+/g, " ")}`;
}

export function ownerFooter(projectName: string): string {
  return (
    `You receive this email because you own the project ${projectName} on Rekey. ` +
    "Rekey never sends keys by email: only their first and last characters."
  );
}

/** The buttons every key email ends with: the project's settings and its audit trail. */
export function projectButtons(appUrl: string, projectId: string): EmailContent["links"] {
  const links = projectLinks(appUrl, projectId);
  return [
    { label: "Open project settings", href: links.settings },
    { label: "Review the audit trail", href: links.audit },
  ];
}

type Actor = { actorEmail: string; ipAddress: string | null; userAgent: string | null };

/** Who changed a key and from where, so an owner can tell whether it was them. */
export function actorFacts(byLabel: string, actor: Actor): EmailContent["facts"] {
  return [
    [byLabel, actor.actorEmail],
    ["From IP address", actor.ipAddress ?? "unknown"],
    ["Browser", describeUserAgent(actor.userAgent)],
  ];
}

/** What to do about a change the owner did not make: undo it first, then the common checks. */
export function notYouSection(undoStep: string): EmailContent["sections"][number] {
  return {
    heading: "Was this not you?",
    steps: [
      undoStep,
      "Review the project's audit trail for other changes you did not make.",
      "Change your Rekey password.",
    ],
  };
}
