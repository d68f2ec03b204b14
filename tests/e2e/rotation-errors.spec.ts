import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { signUp, TEST_PASSWORD } from "./support/developer";
import {
  ageSignIn,
  checkKey,
  countKeys,
  endGraceIn,
  failOnPageErrors,
  graceRow,
  graceRows,
  newKeyPanel,
  recordEarlierRotations,
  rotateInDialog,
  settingsPath,
  startRotation,
} from "./support/key-settings";
import { createProject } from "./support/projects";
import { captureScreens } from "./support/screens";

failOnPageErrors();

/** Server actions post to the page's own URL; page loads and refreshes are GETs. */
function isActionPost(projectId: string) {
  return (url: URL) => url.pathname === settingsPath(projectId);
}

async function expectNoRawError(page: Page): Promise<void> {
  const text = await page.getByRole("dialog").textContent();
  expect(text).not.toMatch(/TypeError|Failed to fetch|ZodError|at \w+ \(|undefined|\[object/);
}

test("an old sign-in must confirm the password; a wrong one rotates nothing", async ({
  page,
  request,
}) => {
  const owner = await signUp(page);
  const project = await createProject(page);
  await ageSignIn(owner.email);
  await page.goto(settingsPath(project.id));

  const dialog = await startRotation(page, "secret", project.name);
  const password = dialog.getByLabel("Your password");

  await test.step("the dialog asks for the password inline", async () => {
    await expect(password).toBeVisible();
    await expect(password).toBeFocused();
    await expect(dialog).toContainText("You signed in more than 15 minutes ago.");
    await captureScreens(page, "reauth-prompt");
    await expectAccessible(page);
  });

  await test.step("a wrong password says so and changes nothing", async () => {
    await password.fill("not-my-password");
    await dialog.getByRole("button", { name: "Confirm password and rotate" }).click();
    await expect(password).toHaveAccessibleDescription(/That password is not correct\./);
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(dialog).toContainText("Nothing was changed.");
    await captureScreens(page, "reauth-wrong-password");
    expect(await countKeys(project.id, "secret")).toBe(1);
    expect(await checkKey(request, project.secretKey)).toMatchObject({ keyStatus: "current" });
  });

  await test.step("the right password confirms, then the rotation goes through", async () => {
    await password.fill(TEST_PASSWORD);
    await dialog.getByRole("button", { name: "Confirm password and rotate" }).click();
    await expect(dialog).toBeHidden();
    await expect(newKeyPanel(page, "secret")).toBeVisible();
    await expect(graceRow(page, "secret", project.secretKey)).toBeVisible();
    expect(await countKeys(project.id, "secret")).toBe(2);
  });

  await test.step("the confirmation lasts: revoking right after needs no password", async () => {
    await graceRow(page, "secret", project.secretKey)
      .getByRole("button", { name: "Revoke now" })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await expect(graceRows(page, "secret")).toHaveCount(0);
  });
});

test("a lost connection, a tampered request and the rate limit are said plainly", async ({
  page,
}) => {
  await signUp(page);
  const project = await createProject(page);
  await page.goto(settingsPath(project.id));
  const dialog = page.getByRole("dialog");

  await test.step("no answer: the dialog says it cannot tell, and stays open", async () => {
    await page.route(isActionPost(project.id), (route) =>
      route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
    );
    await startRotation(page, "publishable", project.name);
    await expect(dialog.getByRole("alert")).toContainText("No answer from Rekey");
    await expect(dialog.getByRole("alert")).toContainText(
      "Rekey cannot tell whether the key was rotated",
    );
    await expectNoRawError(page);
    await expect(dialog.getByRole("button", { name: "Rotate publishable key" })).toBeEnabled();
    await captureScreens(page, "rotate-network-error");
    await page.unrouteAll();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    // The page itself carries on: no error screen after a failed call.
    await expect(
      page.getByRole("button", { name: "Rotate Publishable Key", exact: true }),
    ).toBeFocused();
  });

  await test.step("a grace the server does not offer is refused with its reason", async () => {
    await page.route(isActionPost(project.id), (route) => {
      const body = route.request().postData() ?? "";
      return route.continue({ postData: body.replace('"24h"', '"48h"') });
    });
    await startRotation(page, "publishable", project.name);
    await expect(dialog.getByRole("alert")).toContainText(
      "Choose a grace period: immediately, 1 hour, 24 hours or 7 days.",
    );
    await expectNoRawError(page);
    await page.unrouteAll();
    await page.keyboard.press("Escape");
    expect(await countKeys(project.id, "publishable")).toBe(1);
  });

  await test.step("the rate limit says how long to wait", async () => {
    await recordEarlierRotations(project.id, 10);
    await startRotation(page, "secret", project.name);
    const alert = dialog.getByRole("alert");
    await expect(alert).toContainText("Please wait before trying again");
    await expect(alert).toContainText(/You can rotate again in \d+ minutes\./);
    await expectNoRawError(page);
    await captureScreens(page, "rotate-rate-limited");
    await expectAccessible(page);
    expect(await countKeys(project.id, "secret")).toBe(1);
  });
});

test("a grace period runs out on screen: Expired, and no Revoke button", async ({
  page,
  request,
}) => {
  await signUp(page);
  const project = await createProject(page);
  await page.goto(settingsPath(project.id));
  await rotateInDialog(page, "publishable", project.name, { grace: "1 hour" });

  // An hour is too long to watch; the key's end of grace is brought to a few seconds away.
  await endGraceIn(project.id, project.publishableKey, 4);
  await page.reload();

  const row = graceRow(page, "publishable", project.publishableKey);
  const timer = row.getByRole("timer");
  await expect(timer).toHaveText(/^[1-4]s$/);
  await expect(row.getByRole("button", { name: "Revoke now" })).toBeVisible();
  await captureScreens(page, "grace-ending");

  await expect(timer).toHaveText("Expired", { timeout: 8000 });
  await expect(row.getByRole("button", { name: "Revoke now" })).toHaveCount(0);
  await expect(row).toContainText("Stopped working at");
  await captureScreens(page, "grace-expired");

  await expect
    .poll(async () => (await checkKey(request, project.publishableKey)).reason, {
      timeout: 15_000,
    })
    .toBe("expired");
  await page.reload();
  await expect(graceRows(page, "publishable")).toHaveCount(0);
});
