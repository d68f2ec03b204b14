/**
 * Project Settings for Playwright tests: the API keys panel, its dialogs, the public API as
 * a client calls it, and the few database changes a test needs to reach a state the UI
 * cannot produce on demand (an old sign-in, a grace period that ends in seconds).
 */
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import postgres from "postgres";
import config from "../../../playwright.config";

export type KeyType = "publishable" | "secret";

const HEADINGS: Record<KeyType, string> = { publishable: "Publishable key", secret: "Secret key" };
const KEY_PATTERNS: Record<KeyType, RegExp> = {
  publishable: /^pk_live_[0-9A-Za-z]{49}$/,
  secret: /^sk_live_[0-9A-Za-z]{49}$/,
};

export function settingsPath(projectId: string): string {
  return `/projects/${projectId}/settings`;
}

/** One key type's section of the API keys panel. */
export function keySection(page: Page, type: KeyType): Locator {
  return page.getByRole("region", { name: HEADINGS[type], exact: true });
}

export function graceRows(page: Page, type: KeyType): Locator {
  return keySection(page, type).getByRole("listitem", { name: /^Old key / });
}

export function graceRow(page: Page, type: KeyType, fullKey: string): Locator {
  const name = `Old key ${fullKey.slice(0, 8)}…${fullKey.slice(-4)}`;
  return keySection(page, type).getByRole("listitem", { name, exact: true });
}

/** The panel that shows a rotated key once. */
export function newKeyPanel(page: Page, type: KeyType): Locator {
  return page.getByRole("region", { name: `Your new ${type} key`, exact: true });
}

/** The full key the reveal panel shows. */
export async function readNewKey(page: Page, type: KeyType): Promise<string> {
  const code = newKeyPanel(page, type).locator("code").filter({ hasText: KEY_PATTERNS[type] });
  const text = (await code.textContent())?.trim() ?? "";
  expect(text).toMatch(KEY_PATTERNS[type]);
  return text;
}

export type RotateOptions = { grace?: "Immediately" | "1 hour" | "24 hours" | "7 days" };

/** Opens the rotate dialog, picks the grace, types the project name if asked, confirms. */
export async function startRotation(
  page: Page,
  type: KeyType,
  projectName: string,
  options: RotateOptions = {},
): Promise<Locator> {
  const label = type === "secret" ? "Rotate Secret Key" : "Rotate Publishable Key";
  await page.getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();

  if (options.grace) await dialog.getByRole("radio", { name: options.grace }).check();
  if (type === "secret") await dialog.getByLabel(/^Type the project name/).fill(projectName);
  await dialog.getByRole("button", { name: `Rotate ${type} key` }).click();
  return dialog;
}

/** A rotation through the dialog, start to finish; returns the new key from the panel. */
export async function rotateInDialog(
  page: Page,
  type: KeyType,
  projectName: string,
  options: RotateOptions = {},
): Promise<string> {
  const dialog = await startRotation(page, type, projectName, options);
  await expect(dialog).toBeHidden();
  await expect(newKeyPanel(page, type)).toBeVisible();
  return readNewKey(page, type);
}

/**
 * Collects what the page reports as broken: uncaught exceptions and console errors, such as
 * React's own when an effect or hydration fails. Failed requests are left out, since some
 * tests fail them on purpose.
 */
export function watchPageErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (message.text().startsWith("Failed to load resource")) return;
    errors.push(message.text());
  });
  return () => errors;
}

/** Fails every test of the calling file whose page reported an error while it ran. */
export function failOnPageErrors(): void {
  let pageErrors: () => string[] = () => [];
  test.beforeEach(({ page }) => {
    pageErrors = watchPageErrors(page);
  });
  test.afterEach(() => {
    expect(pageErrors(), "errors the page reported").toEqual([]);
  });
}

// ---- The public API, called as a client would ----

export async function listDocuments(request: APIRequestContext, key: string, collection: string) {
  return request.get(`/api/data/${collection}`, { headers: { "x-api-key": key } });
}

export async function insertDocument(
  request: APIRequestContext,
  key: string,
  collection: string,
  document: Record<string, unknown>,
) {
  return request.post(`/api/data/${collection}`, {
    headers: { "x-api-key": key },
    data: document,
  });
}

/** Status and rejection reason of one read with `key`. */
export async function readWith(request: APIRequestContext, key: string, collection: string) {
  const response = await listDocuments(request, key, collection);
  const body = (await response.json()) as { data?: { reason?: string } };
  return { status: response.status(), reason: body.data?.reason ?? null, response };
}

/** What the API says about a key: HTTP status, rejection reason, or current/grace. */
export async function checkKey(request: APIRequestContext, key: string) {
  const response = await request.get("/api/keys/self", { headers: { "x-api-key": key } });
  const body = (await response.json()) as { data?: { reason?: string; status?: string } };
  return {
    status: response.status(),
    reason: body.data?.reason ?? null,
    keyStatus: body.data?.status ?? null,
  };
}

export type EndUserSession = { email: string; accessToken: string; refreshToken: string };

/** Signs an end user up through the public API, as an app using the SDK would. */
export async function signUpEndUser(
  request: APIRequestContext,
  publishableKey: string,
): Promise<EndUserSession> {
  const email = `user-${randomUUID().slice(0, 8)}@example.test`;
  const response = await request.post("/api/userAuth/signup", {
    headers: { "x-api-key": publishableKey },
    data: { email, password: "end-user-password-123", username: "ada", name: "Ada Lovelace" },
  });
  expect(response.status()).toBe(201);
  const { data } = (await response.json()) as {
    data: { accessToken: string; refreshToken: string };
  };
  return { email, accessToken: data.accessToken, refreshToken: data.refreshToken };
}

// ---- Direct database setup ----

function appDatabaseUrl(): string {
  const server = config.webServer;
  const env = (Array.isArray(server) ? server[0] : server)?.env ?? {};
  const url = env.DATABASE_URL as string;
  // Setup writes to this database: never anything but a local one.
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") {
    throw new Error(`refusing to change a database on ${host}; tests only use a local one`);
  }
  return url;
}

/** Runs `work` with a connection to the app's database, closed afterwards. */
export async function withAppDatabase<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(appDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Makes the developer's sign-ins look 20 minutes old, past the 15-minute window. */
export async function ageSignIn(email: string): Promise<void> {
  await withAppDatabase(async (sql) => {
    const rows = await sql`
      update session set created_at = now() - interval '20 minutes', reauthenticated_at = null
      where user_id = (select id from "user" where email = ${email})
      returning id`;
    expect(rows.length).toBeGreaterThan(0);
  });
}

/** Records `count` rotations in the last minutes, as the rate limit counts them. */
export async function recordEarlierRotations(projectId: string, count: number): Promise<void> {
  await withAppDatabase(async (sql) => {
    await sql`
      insert into audit_events (project_id, action, actor_type, metadata)
      select ${projectId}, 'api_key.rotated', 'system', '{}'::jsonb
      from generate_series(1, ${count})`;
  });
}

/** Brings a key's end of grace to `seconds` from now, so a test can watch it run out. */
export async function endGraceIn(projectId: string, fullKey: string, seconds: number) {
  await withAppDatabase(async (sql) => {
    const rows = await sql`
      update api_keys set expires_at = now() + make_interval(secs => ${seconds})
      where project_id = ${projectId} and prefix = ${fullKey.slice(0, 8)}
        and last_four = ${fullKey.slice(-4)} and expires_at is not null
      returning id`;
    expect(rows).toHaveLength(1);
  });
}

export async function countKeys(projectId: string, type: KeyType): Promise<number> {
  return withAppDatabase(async (sql) => {
    const [row] = await sql<{ total: number }[]>`
      select count(*)::int as total from api_keys
      where project_id = ${projectId} and type = ${type}`;
    return row?.total ?? 0;
  });
}

export async function passwordHashOf(projectId: string, email: string): Promise<string> {
  return withAppDatabase(async (sql) => {
    const [row] = await sql<{ password_hash: string }[]>`
      select password_hash from end_users where project_id = ${projectId} and email = ${email}`;
    if (!row) throw new Error(`no end user ${email}`);
    return row.password_hash;
  });
}
