import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { fillCredentials, signOut, signUp } from "./support/developer";
import { type CreatedProject, createProject } from "./support/projects";
import { captureScreens } from "./support/screens";

async function expectNotFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

/**
 * The mailbox page around its emails. The emails themselves are sandboxed documents without
 * scripts, which axe cannot enter; their markup is checked by the templates' unit tests.
 */
async function expectAccessibleAroundEmails(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude("iframe")
    .analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

function auditRows(page: Page) {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

test("the owner reads, filters and exports the audit trail; nobody else can", async ({
  page,
  browser,
}) => {
  const owner = await signUp(page);
  const project = await createProject(page);
  const auditPath = `/projects/${project.id}/audit`;

  await test.step("the Audit page lists the project's events, newest first", async () => {
    await page.goto(`/projects/${project.id}`);
    await page
      .getByRole("navigation", { name: "Project" })
      .getByRole("link", { name: "Audit" })
      .click();
    await expect(page).toHaveURL(auditPath);
    await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();

    const rows = auditRows(page);
    await expect(rows).toHaveCount(3);
    await expect(rows.last()).toContainText("Project created");
    await expect(rows.first()).toContainText("Key created");
    await expect(rows.first()).toContainText(owner.email);
    await expect(page.getByText("Page 1 of 1 · 3 events")).toBeVisible();

    const html = await page.content();
    // The publishable key is public by design; the secret key is shown once, at creation.
    expect(html).not.toContain(project.secretKey);
    await expect(page.getByRole("table")).toContainText(`sk_live_…${project.secretKey.slice(-4)}`);
    await captureScreens(page, "audit");
    await expectAccessible(page);
  });

  await test.step("the filter is a plain form that narrows the list", async () => {
    await page.getByLabel("Action").selectOption({ label: "Project created" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(`${auditPath}?action=project.created`);
    await expect(auditRows(page)).toHaveCount(1);
    await expect(page.getByLabel("Action")).toHaveValue("project.created");

    await page.goto(`${auditPath}?action=nonsense`);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "Choose an action from the list.",
    );
    await expect(auditRows(page)).toHaveCount(3);
  });

  await test.step("the export downloads the filtered events as CSV", async () => {
    await page.goto(`${auditPath}?action=api_key.created`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^rekey-audit-project-[0-9a-f]{8}-\d{4}-\d\d-\d\d\.csv$/,
    );

    const response = await page.request.get(`${auditPath}/export?action=api_key.created`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="/);
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      "time_utc,action,actor,actor_id,ip_address,user_agent,key_type,key,details",
    );
    expect(lines.filter((line) => line.includes(",api_key.created,"))).toHaveLength(2);
    expect(lines.join("\n")).not.toContain(project.secretKey);
  });

  await test.step("another developer gets a 404 for the page and the export", async () => {
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signUp(other);

    await expectNotFound(other, auditPath);
    const csv = await other.request.get(`${auditPath}/export`);
    expect(csv.status()).toBe(404);
    expect(await csv.text()).not.toContain("time_utc");
    await otherContext.close();
  });

  await test.step("a signed-out visitor is sent to sign in first", async () => {
    const anonymous = await browser.newContext();
    const response = await anonymous.request.get(`${auditPath}/export`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(
      `/sign-in?next=${encodeURIComponent(`${auditPath}/export`)}`,
    );
    await anonymous.close();
  });
});

/** Rotates the secret key from Project Settings, as an owner would; returns the new key. */
async function rotateSecretKeyInSettings(page: Page, project: CreatedProject): Promise<string> {
  await page.goto(`/projects/${project.id}/settings`);
  await page.getByRole("button", { name: "Rotate Secret Key" }).click();

  const dialog = page.getByRole("dialog", { name: "Rotate the secret key" });
  await dialog.getByLabel(`Type the project name, ${project.name}, to confirm`).fill(project.name);
  await dialog.getByRole("button", { name: "Rotate secret key" }).click();

  const reveal = page.getByRole("region", { name: "Your new secret key" });
  await expect(reveal).toBeVisible();
  const newKey = (
    await reveal
      .locator("code")
      .filter({ hasText: /^sk_live_[0-9A-Za-z]{20}/ })
      .textContent()
  )?.trim();
  if (!newKey) throw new Error("the new secret key was not revealed");
  return newKey;
}

test("a rotation's email reaches the mailbox and its links lead back after sign-in", async ({
  page,
  browser,
  baseURL,
}) => {
  const owner = await signUp(page);
  const project = await createProject(page);
  const subject = `[Rekey] Secret key rotated for ${project.name}`;
  const newKey = await rotateSecretKeyInSettings(page, project);
  const settingsPath = `/projects/${project.id}/settings`;
  const auditPath = `/projects/${project.id}/audit`;

  const message = page.getByRole("article", { name: subject });
  await test.step("the mailbox shows the sent email", async () => {
    await expect(async () => {
      await page.goto("/dev/mailbox");
      await expect(message.getByText("sent", { exact: true })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole("article")).toHaveCount(1);
    await captureScreens(page, "mailbox");
    await expectAccessibleAroundEmails(page);
  });

  const email = page.frameLocator(`iframe[title="Email: ${subject}"]`);
  const settingsLink = email.getByRole("link", { name: "Open project settings" });
  const auditLink = email.getByRole("link", { name: "Review the audit trail" });
  let settingsHref = "";

  await test.step("the email names the keys, masked, and links to the project", async () => {
    const body = email.locator("body");
    await expect(email.getByRole("heading", { name: "Secret key rotated" })).toBeVisible();
    await expect(body).toContainText(`sk_live_…${project.secretKey.slice(-4)}`);
    await expect(body).toContainText(`sk_live_…${newKey.slice(-4)}`);
    await expect(body).toContainText(owner.email);
    await expect(settingsLink).toHaveAttribute("href", `${baseURL}${settingsPath}`);
    await expect(auditLink).toHaveAttribute("href", `${baseURL}${auditPath}`);
    settingsHref = (await settingsLink.getAttribute("href")) ?? "";

    const html = await page.content();
    expect(html).not.toContain(project.secretKey);
    expect(html).not.toContain(newKey);
  });

  await test.step("another developer's mailbox does not show it", async () => {
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    const stranger = await signUp(other);
    await other.goto("/dev/mailbox");
    await expect(other.getByText(`No emails for ${stranger.email} yet.`)).toBeVisible();
    await expect(other.getByRole("article")).toHaveCount(0);
    await otherContext.close();
  });

  await test.step("a link in the email opens its page in the whole window", async () => {
    await auditLink.click();
    await expect(page).toHaveURL(auditPath);
    await expect(page.getByRole("table")).toContainText("Key rotated");
  });

  await test.step("signed out, the settings link leads through sign-in to settings", async () => {
    await signOut(page);
    await page.goto(settingsHref);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(settingsPath)}`);

    await fillCredentials(page, owner);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(settingsPath);
    await expect(page.getByRole("heading", { name: "Project settings" })).toBeVisible();
  });
});
