import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { signUp } from "./support/developer";
import {
  checkKey,
  failOnPageErrors,
  graceRow,
  graceRows,
  insertDocument,
  keySection,
  newKeyPanel,
  passwordHashOf,
  readNewKey,
  readWith,
  rotateInDialog,
  settingsPath,
  signUpEndUser,
} from "./support/key-settings";
import { createProject } from "./support/projects";
import { captureScreens } from "./support/screens";

failOnPageErrors();

const COUNTDOWN = /^(\d+d )?\d+h \d+m \d+s$/;

async function openFromNav(page: Page, label: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Project" })
    .getByRole("link", { name: label })
    .click();
}

test("secret key rotated with the default grace: both keys work, new one shown once", async ({
  page,
  request,
}) => {
  const owner = await signUp(page);
  const project = await createProject(page);
  const todos = "todos";

  await test.step("the data browser starts empty and creates a collection", async () => {
    await page.goto(`/projects/${project.id}`);
    await openFromNav(page, "Data");
    await expect(page).toHaveURL(`/projects/${project.id}/data`);
    await expect(page.getByText("No collections yet")).toBeVisible();
    await captureScreens(page, "data-empty");
    await expectAccessible(page);

    await page.getByLabel("New collection").fill(todos);
    await page.getByRole("button", { name: "Create collection" }).click();
    await expect(page.getByRole("link", { name: todos, exact: true })).toBeVisible();
  });

  const endUser = await signUpEndUser(request, project.publishableKey);
  const written = await insertDocument(request, project.secretKey, todos, {
    title: "Ship it",
    done: false,
    tags: ["launch"],
  });
  expect(written.status()).toBe(201);

  await test.step("Settings shows each current key, its usage and the rotate buttons", async () => {
    await openFromNav(page, "Settings");
    await expect(page).toHaveURL(settingsPath(project.id));
    await expect(page.getByRole("heading", { name: "Project settings" })).toBeVisible();

    const publishable = keySection(page, "publishable");
    await expect(publishable.locator("code").first()).toHaveText(project.publishableKey);
    await expect(publishable.getByRole("button", { name: "Copy publishable key" })).toBeVisible();
    const secret = keySection(page, "secret");
    await expect(secret.locator("code").first()).toHaveText(
      `sk_live_…${project.secretKey.slice(-4)}`,
    );
    await expect(secret.getByRole("definition").nth(2)).toHaveText(/^\d+$/);
    await expect(
      page.getByRole("button", { name: "Rotate Secret Key", exact: true }),
    ).toBeVisible();
    expect(await page.content()).not.toContain(project.secretKey);
    await captureScreens(page, "settings");
    await expectAccessible(page);
  });

  await test.step("the dialog says what will happen and asks for the project name", async () => {
    await page.getByRole("button", { name: "Rotate Secret Key", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate the secret key" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("A new secret key works at once.");
    await expect(dialog).toContainText(/keeps working until .+ \(your local time\)/);
    await expect(dialog).toContainText("sessions and tokens are untouched");
    await expect(dialog).toContainText(`We email you at ${owner.email}`);
    await expect(dialog.getByRole("radio", { name: /24 hours/ })).toBeChecked();
    await expect(dialog.getByRole("radio")).toHaveCount(4);

    const confirm = dialog.getByRole("button", { name: "Rotate secret key" });
    await expect(confirm).toBeDisabled();
    const name = dialog.getByLabel(/^Type the project name/);
    await name.fill(project.name.toUpperCase());
    await expect(confirm).toBeDisabled();
    await name.fill(`${project.name} `);
    await expect(confirm).toBeDisabled();
    await name.fill(project.name);
    await expect(confirm).toBeEnabled();

    // The "until" time follows the grace choice.
    const until = dialog.getByText(/keeps working until/);
    const for24Hours = await until.textContent();
    await dialog.getByRole("radio", { name: /7 days/ }).check();
    await expect(until).not.toHaveText(for24Hours ?? "");
    await dialog.getByRole("radio", { name: /Immediately/ }).check();
    await expect(dialog).toContainText("stops working at once");
    await dialog.getByRole("radio", { name: /24 hours/ }).check();
    await captureScreens(page, "rotate-secret-dialog");
    await expectAccessible(page);
  });

  let newSecret = "";
  await test.step("confirming shows the new key once; it works at once", async () => {
    await page.getByRole("dialog").getByRole("button", { name: "Rotate secret key" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    const panel = newKeyPanel(page, "secret");
    await expect(panel).toBeVisible();
    await expect(panel).toBeFocused();
    await expect(panel).toContainText("It will not be shown again.");
    newSecret = await readNewKey(page, "secret");
    expect(newSecret).not.toBe(project.secretKey);

    const fresh = await readWith(request, newSecret, todos);
    expect(fresh.status).toBe(200);
    expect(fresh.response.headers().deprecation).toBeUndefined();
    await captureScreens(page, "rotate-secret-revealed");
    await expectAccessible(page);
  });

  await test.step("the old key still works, about 24 hours left on its countdown", async () => {
    const old = await readWith(request, project.secretKey, todos);
    expect(old.status).toBe(200);
    expect(old.response.headers().deprecation).toMatch(/^@\d+$/);
    expect(old.response.headers().sunset).toBeTruthy();

    const row = graceRow(page, "secret", project.secretKey);
    await expect(row).toBeVisible();
    const timer = row.getByRole("timer");
    await expect(timer).toHaveText(/^(1d 0h 0m 0s|23h 59m \d+s)$/);
    await expect(timer).toHaveAttribute("aria-live", "off");
    const first = await timer.textContent();
    await expect(timer).not.toHaveText(first ?? "", { timeout: 3000 });
    await expect(row.getByRole("button", { name: "Revoke now" })).toBeVisible();
    await captureScreens(page, "grace-countdown");
  });

  await test.step("hiding the panel removes the key; a reload never shows it again", async () => {
    await newKeyPanel(page, "secret")
      .getByRole("button", { name: /hide it/ })
      .click();
    await expect(newKeyPanel(page, "secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(newSecret);

    await page.reload();
    await expect(graceRow(page, "secret", project.secretKey).getByRole("timer")).toHaveText(
      COUNTDOWN,
    );
    await expect(newKeyPanel(page, "secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(newSecret);
    await expect(keySection(page, "secret").locator("code").first()).toHaveText(
      `sk_live_…${newSecret.slice(-4)}`,
    );
  });

  await test.step("the end user signed in before the rotation is still signed in", async () => {
    const me = await request.get("/api/userAuth/me", {
      headers: { "x-api-key": newSecret, authorization: `Bearer ${endUser.accessToken}` },
    });
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { data: { email: string } }).data.email).toBe(endUser.email);

    const refreshed = await request.post("/api/userAuth/refresh-token", {
      headers: { "x-api-key": project.publishableKey, "x-refresh-token": endUser.refreshToken },
    });
    expect(refreshed.status()).toBe(200);
  });

  await test.step("the audit trail and the mailbox record the rotation", async () => {
    await openFromNav(page, "Audit");
    const rotated = page.getByRole("row").filter({ hasText: "Key rotated" });
    await expect(rotated).toHaveCount(1);
    await expect(rotated).toContainText(`sk_live_…${project.secretKey.slice(-4)}`);

    await expect(async () => {
      await page.goto("/dev/mailbox");
      await expect(
        page.getByRole("heading", { name: `[Rekey] Secret key rotated for ${project.name}` }),
      ).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    expect(await page.content()).not.toContain(newSecret);
  });

  await test.step("the data browser shows the document as readable JSON", async () => {
    await page.goto(`/projects/${project.id}/data`);
    await expect(page.getByText("1 document")).toBeVisible();
    await page.getByRole("link", { name: todos, exact: true }).click();
    await expect(page.getByRole("heading", { name: todos, level: 1 })).toBeVisible();
    const document = page.getByRole("article");
    await expect(document).toHaveCount(1);
    await expect(document.locator("pre")).toContainText('"title": "Ship it"');
    await expect(document.locator("pre")).toContainText('"tags": [\n    "launch"\n  ]');
    await expect(page.getByText("Page 1 of 1 · 1 document")).toBeVisible();
    await captureScreens(page, "data-collection");
    await expectAccessible(page);
  });

  await test.step("the end-users list shows the end user, never a password hash", async () => {
    await openFromNav(page, "Users");
    const row = page.getByRole("row").filter({ hasText: endUser.email });
    await expect(row).toContainText("ada");
    await expect(row).toContainText("Ada Lovelace");
    const hash = await passwordHashOf(project.id, endUser.email);
    expect(await page.content()).not.toContain(hash);
    await captureScreens(page, "end-users");
    await expectAccessible(page);
  });
});

test("rotating the publishable key immediately refuses the old key at once", async ({
  page,
  request,
}) => {
  await signUp(page);
  const project = await createProject(page);
  await page.goto(settingsPath(project.id));

  const newPublishable = await rotateInDialog(page, "publishable", project.name, {
    grace: "Immediately",
  });
  const panel = newKeyPanel(page, "publishable");
  await expect(panel).toContainText("stopped working just now");
  await captureScreens(page, "rotate-publishable-immediately");

  expect(await checkKey(request, project.publishableKey)).toMatchObject({
    status: 401,
    reason: "revoked",
  });
  expect(await checkKey(request, newPublishable)).toMatchObject({
    status: 200,
    keyStatus: "current",
  });
  expect(await checkKey(request, project.secretKey)).toMatchObject({
    status: 200,
    keyStatus: "current",
  });

  await expect(graceRows(page, "publishable")).toHaveCount(0);
  await expect(keySection(page, "publishable").locator("code").last()).toHaveText(newPublishable);
  await expect(keySection(page, "secret").locator("code").first()).toHaveText(
    `sk_live_…${project.secretKey.slice(-4)}`,
  );
});

test("Revoke now warns of a key used minutes ago; the row goes, the key is refused", async ({
  page,
  request,
}) => {
  await signUp(page);
  const project = await createProject(page);
  await page.goto(settingsPath(project.id));
  await rotateInDialog(page, "secret", project.name);
  await newKeyPanel(page, "secret")
    .getByRole("button", { name: /hide it/ })
    .click();

  const row = graceRow(page, "secret", project.secretKey);
  await test.step("a use of the old key shows up as its last use", async () => {
    expect(await checkKey(request, project.secretKey)).toMatchObject({ keyStatus: "grace" });
    await expect(async () => {
      await page.reload();
      await expect(row.getByRole("definition").nth(1)).toHaveText("just now", { timeout: 500 });
    }).toPass({ timeout: 20_000 });
    await expect(row.getByRole("definition").nth(2)).toHaveText("1");
  });

  await test.step("the confirmation warns plainly, and Escape cancels", async () => {
    await row.getByRole("button", { name: "Revoke now" }).click();
    const dialog = page.getByRole("dialog", { name: /^Revoke sk_live_…\w{4} now\?$/ });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      "This key was used just now. Anything still using it will start failing.",
    );
    await expect(dialog).toContainText("1 request in the last hour.");
    await captureScreens(page, "revoke-confirm-recent");
    await expectAccessible(page);

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(row.getByRole("button", { name: "Revoke now" })).toBeFocused();
    expect((await checkKey(request, project.secretKey)).status).toBe(200);
  });

  await test.step("confirming removes the row and the API refuses the key", async () => {
    await row.getByRole("button", { name: "Revoke now" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(row).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "was revoked" })).toContainText(
      `sk_live_…${project.secretKey.slice(-4)} was revoked`,
    );
    await expect(
      keySection(page, "secret").getByRole("heading", { name: "Secret key" }),
    ).toBeFocused();
    await captureScreens(page, "revoked");

    await expect
      .poll(async () => (await checkKey(request, project.secretKey)).reason, {
        timeout: 2000,
      })
      .toBe("revoked");
    await page.reload();
    await expect(graceRows(page, "secret")).toHaveCount(0);
  });

  await test.step("a key never used says so", async () => {
    await rotateInDialog(page, "publishable", project.name, { grace: "1 hour" });
    const unused = graceRow(page, "publishable", project.publishableKey);
    await unused.getByRole("button", { name: "Revoke now" }).click();
    await expect(page.getByRole("dialog")).toContainText("This key has never been used.");
    await expect(page.getByRole("dialog")).not.toContainText("start failing");
    await captureScreens(page, "revoke-confirm-unused");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(unused).toBeVisible();
  });
});

test("Settings, Data and Users are the owner's alone", async ({ page, browser }) => {
  await signUp(page);
  const project = await createProject(page);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other);
  for (const path of ["settings", "data", "users", "data/todos"]) {
    const response = await other.goto(`/projects/${project.id}/${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await otherContext.close();

  await page.goto(`/projects/${project.id}/users`);
  await expect(page.getByText("No end users yet")).toBeVisible();
  await captureScreens(page, "end-users-empty");
  await expectAccessible(page);
  const missing = await page.goto(`/projects/${project.id}/data/nope`);
  expect(missing?.status()).toBe(404);
});

test("confirming shows progress, cannot be sent twice and cannot be closed halfway", async ({
  page,
}) => {
  await signUp(page);
  const project = await createProject(page);
  await page.goto(settingsPath(project.id));

  await test.step("a double click rotates once", async () => {
    const dialog = await startRotationWithoutConfirming(page, project.name);
    await dialog.getByRole("button", { name: "Rotate secret key" }).dblclick();
    await expect(newKeyPanel(page, "secret")).toBeVisible();
    await page.reload();
    await expect(graceRows(page, "secret")).toHaveCount(1);
  });

  await test.step("while the server works: Rotating…, disabled, Escape ignored", async () => {
    // Holds the action's request until the test has looked at the pending dialog.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (url) => url.pathname === settingsPath(project.id),
      async (route) => {
        if (route.request().method() === "POST") await held;
        await route.continue();
      },
    );

    const dialog = await startRotationWithoutConfirming(page, project.name);
    const confirm = dialog.getByRole("button", { name: "Rotate secret key" });
    await confirm.click();
    const pending = dialog.getByRole("button", { name: "Rotating…" });
    await expect(pending).toBeDisabled();
    await expect(pending).toHaveAttribute("aria-busy", "true");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeDisabled();
    await captureScreens(page, "rotate-pending");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeVisible();
    await pending.click({ force: true });

    release();
    await expect(dialog).toBeHidden();
    await expect(newKeyPanel(page, "secret")).toBeVisible();
    await page.unrouteAll();
  });

  await page.goto(`/projects/${project.id}/audit?action=api_key.rotated`);
  await expect(page.getByRole("row").filter({ hasText: "Key rotated" })).toHaveCount(2);
});

test("the data browser pages through a collection's documents", async ({ page, request }) => {
  await signUp(page);
  const project = await createProject(page);
  await page.goto(`/projects/${project.id}/data`);
  await page.getByLabel("New collection").fill("events");
  await page.getByRole("button", { name: "Create collection" }).click();
  await expect(page.getByRole("link", { name: "events", exact: true })).toBeVisible();

  for (let n = 1; n <= 21; n += 1) {
    const response = await insertDocument(request, project.secretKey, "events", {
      _id: `e${n}`,
      n,
    });
    expect(response.status()).toBe(201);
  }

  await page.getByRole("link", { name: "events", exact: true }).click();
  await expect(page.getByRole("article")).toHaveCount(20);
  await expect(page.getByText("Page 1 of 2 · 21 documents")).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/data\/events\?page=2$/);
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article")).toContainText('"_id": "e1"');
  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page.getByRole("article").first()).toContainText('"_id": "e21"');

  await page.goto(`/projects/${project.id}/data/events?page=abc`);
  await expect(page.getByText("Page 1 of 2 · 21 documents")).toBeVisible();
});

async function startRotationWithoutConfirming(page: Page, projectName: string) {
  await page.getByRole("button", { name: "Rotate Secret Key", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/^Type the project name/).fill(projectName);
  return dialog;
}
