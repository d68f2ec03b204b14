/** Projects for Playwright tests, created through the dashboard's own form. */
import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";

export type CreatedProject = {
  id: string;
  name: string;
  /** The full keys, read from the reveal panel: the only time the page shows them. */
  publishableKey: string;
  secretKey: string;
};

/** A project name no other test has used. */
export function uniqueProjectName(label = "Project"): string {
  return `${label} ${randomUUID().slice(0, 8)}`;
}

/**
 * Creates a project as the signed-in developer and returns its id and keys. The page is left
 * on the reveal panel; `revealPanel(page)` finds it.
 */
export async function createProject(
  page: Page,
  name = uniqueProjectName(),
): Promise<CreatedProject> {
  await page.goto("/projects/new");
  await page.getByLabel("Project name").fill(name);
  await page.getByRole("button", { name: "Create project" }).click();

  const panel = revealPanel(page);
  await expect(panel).toBeVisible();
  const publishableKey = await keyText(panel, /^pk_live_/);
  const secretKey = await keyText(panel, /^sk_live_/);

  const href = await panel
    .getByRole("link", { name: "Continue to the project" })
    .getAttribute("href");
  const id = href?.split("/").at(-1);
  if (!id) throw new Error(`the reveal panel links to "${href}", not to a project`);
  return { id, name, publishableKey, secretKey };
}

/** The panel that shows a new project's keys once. */
export function revealPanel(page: Page): Locator {
  return page.getByRole("region", { name: "Your API keys" });
}

async function keyText(panel: Locator, pattern: RegExp): Promise<string> {
  const text = await panel.locator("code").filter({ hasText: pattern }).textContent();
  if (!text) throw new Error(`no key matching ${pattern} in the reveal panel`);
  return text.trim();
}
