/** An axe scan of the current page against WCAG 2.1 A and AA (contrast, labels, roles). */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const problems = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} elements)`,
  );
  expect(problems, `accessibility problems on ${page.url()}`).toEqual([]);
}
