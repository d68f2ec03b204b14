/**
 * Screenshots for reviewing the UI by eye, at desktop width and at 375 px. Taken only when
 * E2E_SCREENSHOTS=1, into test-results/screens/<name>-desktop.png and -mobile.png.
 */
import path from "node:path";
import type { Page } from "@playwright/test";

const MOBILE = { width: 375, height: 812 };

export async function captureScreens(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== "1") return;

  const folder = path.join("test-results", "screens");
  const desktop = page.viewportSize();
  await page.screenshot({ path: path.join(folder, `${name}-desktop.png`), fullPage: true });

  await page.setViewportSize(MOBILE);
  await page.screenshot({ path: path.join(folder, `${name}-mobile.png`), fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}
