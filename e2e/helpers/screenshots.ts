import type { Page } from '@playwright/test';

/** Saves a full-page screenshot as e2e/artifacts/screenshots/<name>.png for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/screenshots/${name}.png`, fullPage: true });
}
