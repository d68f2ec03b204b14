import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { signUp } from "./support/developer";
import {
  failOnPageErrors,
  graceRow,
  keySection,
  newKeyPanel,
  readNewKey,
  settingsPath,
} from "./support/key-settings";
import { createProject } from "./support/projects";
import { captureScreens } from "./support/screens";

failOnPageErrors();

/** Presses Tab until `target` has focus; fails if it is not reachable in `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

async function focusIsInside(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement));
}

test("a rotation from start to finish with the keyboard alone", async ({ page }) => {
  await signUp(page);
  const project = await createProject(page);
  await page.goto(settingsPath(project.id));
  const rotate = page.getByRole("button", { name: "Rotate Secret Key", exact: true });
  const dialog = page.getByRole("dialog");

  await test.step("Tab reaches the button; Enter opens the dialog; focus stays in it", async () => {
    await tabTo(page, rotate);
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    expect(await focusIsInside(dialog)).toBe(true);
    for (let presses = 0; presses < 12; presses += 1) {
      await page.keyboard.press("Tab");
      expect(await focusIsInside(dialog), `after ${presses + 1} Tabs`).toBe(true);
    }
    await page.keyboard.press("Shift+Tab");
    expect(await focusIsInside(dialog)).toBe(true);
  });

  await test.step("Escape cancels and gives focus back to the button", async () => {
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(rotate).toBeFocused();
  });

  await test.step("arrow keys pick the grace, typing confirms, Enter rotates", async () => {
    await page.keyboard.press("Enter");
    const recommended = dialog.getByRole("radio", { name: /24 hours/ });
    // Focus starts on the chosen grace, never on "Immediately", where Space would pick it.
    await expect(recommended).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(dialog.getByRole("radio", { name: /7 days/ })).toBeChecked();

    await page.keyboard.press("Tab");
    await expect(dialog.getByLabel(/^Type the project name/)).toBeFocused();
    await page.keyboard.type(project.name);
    await tabTo(page, dialog.getByRole("button", { name: "Rotate secret key" }));
    await captureScreens(page, "keyboard-dialog");
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
  });

  await test.step("the reveal panel takes focus and closes from the keyboard", async () => {
    const panel = newKeyPanel(page, "secret");
    await expect(panel).toBeFocused();
    const newKey = await readNewKey(page, "secret");
    await tabTo(page, panel.getByRole("button", { name: /hide it/ }), 5);
    await page.keyboard.press("Enter");
    await expect(panel).toHaveCount(0);
    await expect(
      keySection(page, "secret").getByRole("heading", { name: "Secret key" }),
    ).toBeFocused();
    expect(await page.content()).not.toContain(newKey);

    const row = graceRow(page, "secret", project.secretKey);
    await expect(row.getByRole("timer")).toHaveText(/^6d 23h 59m \d+s$/);
  });
});

test("the settings page at 375 px, with a dialog open, has no accessibility violations", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signUp(page);
  const project = await createProject(page);
  await page.goto(settingsPath(project.id));
  await page.getByRole("button", { name: "Rotate Secret Key", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/^Type the project name/).fill(project.name);
  await page.screenshot({ path: "test-results/screens/narrow-rotate-dialog.png" });
  await expectAccessible(page);

  await dialog.getByRole("button", { name: "Rotate secret key" }).click();
  await expect(newKeyPanel(page, "secret")).toBeVisible();
  await expect(graceRow(page, "secret", project.secretKey)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/narrow-settings.png", fullPage: true });
  await expectAccessible(page);

  // Nothing on the page is wider than the screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await graceRow(page, "secret", project.secretKey)
    .getByRole("button", { name: "Revoke now" })
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/narrow-revoke-dialog.png" });
  await expectAccessible(page);
});
