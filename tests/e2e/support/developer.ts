/**
 * Dashboard accounts for Playwright tests, driven through the real sign-up and sign-in
 * pages. Every call to `signUp` makes a new developer, so tests never share an account.
 */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export type Credentials = { email: string; password: string };

/** A password that satisfies the sign-up rules. */
export const TEST_PASSWORD = "correct-horse-battery-staple";

/** An address no other test (or earlier run) has used. */
export function uniqueEmail(label = "dev"): string {
  return `${label}-${randomUUID().slice(0, 13)}@example.test`;
}

/** Signs a new developer up; the page ends on /projects, signed in. */
export async function signUp(
  page: Page,
  credentials: Credentials = { email: uniqueEmail(), password: TEST_PASSWORD },
): Promise<Credentials> {
  await page.goto("/sign-up");
  await fillCredentials(page, credentials);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  return credentials;
}

/**
 * Signs in from the sign-in page (optionally with `?next=`). Does not wait for a
 * particular page, since where sign-in lands is often what the test checks.
 */
export async function signIn(page: Page, credentials: Credentials, next?: string): Promise<void> {
  await page.goto(next === undefined ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`);
  await fillCredentials(page, credentials);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Signs out with the top bar's button; the page ends on /sign-in. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

export async function fillCredentials(page: Page, credentials: Credentials): Promise<void> {
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
}
