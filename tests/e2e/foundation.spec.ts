import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import {
  fillCredentials,
  signIn,
  signOut,
  signUp,
  TEST_PASSWORD,
  uniqueEmail,
} from "./support/developer";
import { createProject, revealPanel } from "./support/projects";
import { captureScreens } from "./support/screens";

const MASKED_SECRET = /^sk_live_…[0-9A-Za-z]{4}$/;

async function expectNotFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

/** Opens a project from the projects list, as a developer coming back later would. */
async function openFromProjectList(page: Page, name: string): Promise<void> {
  await page.goto("/projects");
  await page.getByRole("link", { name: new RegExp(name) }).click();
}

test("a developer signs up, gets a project's keys once, and only they can open it", async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const developer = await signUp(page);

  await test.step("an empty projects list leads to the form", async () => {
    await expect(page.getByText("No projects yet")).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(developer.email);
    await captureScreens(page, "projects-empty");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Create your first project" }).click();
    await expect(page.getByRole("heading", { name: "New project" })).toBeVisible();
    await captureScreens(page, "project-new");
    await expectAccessible(page);

    const name = page.getByLabel("Project name");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(name).toHaveAccessibleDescription(/Enter a project name\./);
    await name.fill("x".repeat(65));
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(name).toHaveAccessibleDescription(/Use 64 characters or fewer\./);
    await expect(name).toHaveValue("x".repeat(65));
    await captureScreens(page, "project-new-invalid");
  });

  const project = await createProject(page, "  Acme Storefront  ");

  await test.step("both keys are revealed, with copy buttons", async () => {
    await expect(page.getByRole("heading", { name: "Acme Storefront is ready" })).toBeVisible();
    const panel = revealPanel(page);
    await expect(panel).toContainText("You will not see the secret key again");
    expect(project.publishableKey).toMatch(/^pk_live_[0-9A-Za-z]{49}$/);
    expect(project.secretKey).toMatch(/^sk_live_[0-9A-Za-z]{49}$/);
    expect(page.url()).not.toContain(project.secretKey);

    await panel.getByRole("button", { name: "Copy secret key" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(project.secretKey);
    await panel.getByRole("button", { name: "Copy publishable key" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(project.publishableKey);
    await expect(panel.getByRole("button", { name: "Copied publishable key" })).toBeVisible();
    await captureScreens(page, "project-keys-revealed");
    await expectAccessible(page);
  });

  await test.step("going back or reloading never shows the secret key again", async () => {
    await revealPanel(page).getByRole("link", { name: "Continue to the project" }).click();
    await expect(page).toHaveURL(`/projects/${project.id}`);
    await page.goBack();
    await expect(page.getByRole("heading", { name: "New project" })).toBeVisible();
    expect(await page.content()).not.toContain(project.secretKey);

    await page.reload();
    await expect(page.getByRole("heading", { name: "New project" })).toBeVisible();
    expect(await page.content()).not.toContain(project.secretKey);

    await openFromProjectList(page, "Acme Storefront");
    await expect(page).toHaveURL(`/projects/${project.id}`);
    const secret = page.getByRole("definition").filter({ hasText: "sk_live_" }).locator("code");
    await expect(secret).toHaveText(MASKED_SECRET);
    await expect(secret).toHaveText(new RegExp(`${project.secretKey.slice(-4)}$`));
    expect(await page.content()).not.toContain(project.secretKey);
    const publishable = page.getByRole("definition").filter({ hasText: "pk_live_" });
    await expect(publishable.locator("code")).toHaveText(project.publishableKey);
    await expect(publishable.getByRole("button", { name: "Copy publishable key" })).toBeVisible();
    await captureScreens(page, "project-overview");
    await expectAccessible(page);
  });

  await test.step("after signing out and in again the project is listed", async () => {
    await signOut(page);
    await page.goto("/projects");
    await expect(page).toHaveURL("/sign-in?next=%2Fprojects");
    await captureScreens(page, "sign-in");
    await expectAccessible(page);

    await signIn(page, developer);
    await expect(page).toHaveURL("/projects");
    await expect(page.getByRole("link", { name: /Acme Storefront/ })).toBeVisible();
    await captureScreens(page, "projects-list");
    await expectAccessible(page);
  });

  await test.step("another developer gets a 404, as for an id that does not exist", async () => {
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signUp(other);
    await expect(other.getByText("No projects yet")).toBeVisible();

    await expectNotFound(other, `/projects/${project.id}`);
    await captureScreens(other, "project-not-found");
    await expectAccessible(other);
    await expectNotFound(other, "/projects/00000000-0000-4000-8000-000000000000");
    await expectNotFound(other, "/projects/not-a-project-id");
    await otherContext.close();
  });
});

test("sign-up and sign-in say what went wrong, next to the field, and keep the email", async ({
  page,
}) => {
  await page.goto("/sign-up");
  const email = uniqueEmail("weak");
  await fillCredentials(page, { email, password: "short" });
  await page.getByRole("button", { name: "Create account" }).click();
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Use at least 10 characters/);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await captureScreens(page, "sign-up-weak-password");
  await expectAccessible(page);

  const existing = await signUp(page);
  await signOut(page);
  await page.goto("/sign-up");
  await fillCredentials(page, { email: existing.email.toUpperCase(), password: TEST_PASSWORD });
  await page.getByRole("button", { name: "Create account" }).click();
  const emailField = page.getByLabel("Email");
  await expect(emailField).toHaveAccessibleDescription(/An account with this email already exists/);
  await expect(emailField).toHaveValue(existing.email.toUpperCase());
  await captureScreens(page, "sign-up-duplicate");
  await expectAccessible(page);

  await page.goto("/sign-in");
  await fillCredentials(page, { email: existing.email, password: "not-the-password" });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Incorrect email or password.",
  );
  await expect(page.getByLabel("Email")).toHaveValue(existing.email);
  await captureScreens(page, "sign-in-wrong-password");
  await expectAccessible(page);

  await fillCredentials(page, { email: uniqueEmail("nobody"), password: TEST_PASSWORD });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Incorrect email or password.",
  );
  await expect(page).toHaveURL("/sign-in");
});

test("sign-in returns to the page that asked for it, and never to another site", async ({
  page,
}) => {
  const developer = await signUp(page);
  const project = await createProject(page);
  await signOut(page);

  await page.goto(`/projects/${project.id}`);
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(`/projects/${project.id}`)}`);
  await fillCredentials(page, developer);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/projects/${project.id}`);
  await signOut(page);

  await signIn(page, developer, "//evil.example/steal");
  await expect(page).toHaveURL("/projects");

  // Signed in, the sign-in page forwards at once: through the same check.
  for (const next of ["https://evil.example/", "/\\evil.example", "/\t/evil.example"]) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page, next).toHaveURL("/projects");
  }
});

test("every response carries a request id, reused only when well formed", async ({ request }) => {
  const fresh = await request.get("/api/health/live");
  expect(fresh.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const reused = await request.get("/sign-in", { headers: { "x-request-id": "trace-1234abcd" } });
  expect(reused.headers()["x-request-id"]).toBe("trace-1234abcd");

  const refused = await request.get("/sign-in", { headers: { "x-request-id": "bad id <script>" } });
  expect(refused.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
