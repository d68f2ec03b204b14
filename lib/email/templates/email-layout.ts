import { escapeHtml } from "./escape-html";

/**
 * What an email says, as plain strings. Templates fill this in; the layout alone turns it
 * into markup, escaping every value on the way, so no template ever writes HTML.
 */
export type EmailContent = {
  subject: string;
  heading: string;
  intro: string;
  facts: [label: string, value: string][];
  sections: { heading: string; steps: string[] }[];
  links: { label: string; href: string }[];
  footer: string;
};

export type RenderedEmail = { subject: string; html: string; text: string };

const STYLE = {
  body: "margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;",
  card: "max-width:600px;margin:0 auto;padding:24px;background:#ffffff;border:1px solid #e2e8f0;",
  heading: "margin:0 0 16px;font-size:20px;color:#0f172a;",
  subheading: "margin:24px 0 8px;font-size:16px;color:#0f172a;",
  text: "margin:0 0 16px;font-size:14px;line-height:20px;color:#334155;",
  label: "padding:4px 12px 4px 0;font-size:14px;color:#64748b;vertical-align:top;",
  value: "padding:4px 0;font-size:14px;color:#0f172a;",
  link:
    "display:inline-block;margin:0 8px 8px 0;padding:8px 14px;background:#0f172a;" +
    "color:#ffffff;text-decoration:none;font-size:14px;",
  footer: "margin:24px 0 0;font-size:12px;color:#64748b;",
};

function factsHtml(facts: EmailContent["facts"]): string {
  const rows = facts.map(
    ([label, value]) =>
      `<tr><td style="${STYLE.label}">${escapeHtml(label)}</td>` +
      `<td style="${STYLE.value}">${escapeHtml(value)}</td></tr>`,
  );
  return `<table role="presentation" cellpadding="0" cellspacing="0">${rows.join("")}</table>`;
}

function sectionHtml(section: EmailContent["sections"][number]): string {
  const steps = section.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join("");
  return (
    `<h2 style="${STYLE.subheading}">${escapeHtml(section.heading)}</h2>` +
    `<ol style="${STYLE.text}">${steps}</ol>`
  );
}

function linksHtml(links: EmailContent["links"]): string {
  return links
    .map(
      (link) =>
        `<a href="${escapeHtml(link.href)}" style="${STYLE.link}">${escapeHtml(link.label)}</a>`,
    )
    .join("");
}

function renderHtml(content: EmailContent): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="${STYLE.body}"><div style="${STYLE.card}">`,
    `<h1 style="${STYLE.heading}">${escapeHtml(content.heading)}</h1>`,
    `<p style="${STYLE.text}">${escapeHtml(content.intro)}</p>`,
    factsHtml(content.facts),
    ...content.sections.map(sectionHtml),
    `<p style="margin:24px 0 0;">${linksHtml(content.links)}</p>`,
    `<p style="${STYLE.footer}">${escapeHtml(content.footer)}</p>`,
    "</div></body></html>",
  ].join("\n");
}

function renderText(content: EmailContent): string {
  const width = Math.max(...content.facts.map(([label]) => label.length));
  const lines = [content.heading, "", content.intro, ""];
  for (const [label, value] of content.facts)
    lines.push(`${`${label}:`.padEnd(width + 2)}${value}`);

  for (const section of content.sections) {
    lines.push("", section.heading);
    section.steps.forEach((step, index) => {
      lines.push(`${index + 1}. ${step}`);
    });
  }

  lines.push("");
  for (const link of content.links) lines.push(`${link.label}: ${link.href}`);
  lines.push("", content.footer);
  return `${lines.join("\n")}\n`;
}

export function renderEmailContent(content: EmailContent): RenderedEmail {
  return { subject: content.subject, html: renderHtml(content), text: renderText(content) };
}
