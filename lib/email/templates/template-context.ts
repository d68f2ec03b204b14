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
