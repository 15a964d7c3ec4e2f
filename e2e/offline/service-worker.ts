import { expect, type Page } from '@playwright/test';

/** Waits until the app's service worker has stored the build and controls the page. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
      timeout: 60_000,
    })
    .toBe('activated');
}
