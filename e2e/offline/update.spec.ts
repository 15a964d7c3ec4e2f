import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorkerControl } from './service-worker';
import { startStaticServer, type E2eStaticServer } from './static-server';

// The rest of the suite blocks service workers; this spec is about them.
test.use({ serviceWorkers: 'allow' });

const BUILD_DIR = path.resolve('dist');

function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

/** Deploys a "new build": the same files with a new build id in sw.js. */
function deployNextBuild(root: string): void {
  const workerPath = path.join(root, 'sw.js');
  const worker = fs.readFileSync(workerPath, 'utf8');
  fs.writeFileSync(workerPath, worker.replace(/"buildId":"([0-9a-f]+)"/, '"buildId":"$1next"'));
}

test.describe('app update', () => {
  test.setTimeout(120_000);
  let root: string;
  let server: E2eStaticServer;

  test.beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-e2e-build-'));
    fs.cpSync(BUILD_DIR, root, { recursive: true });
    server = await startStaticServer(root);
  });
  test.afterEach(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('offers a new build and switches only on Reload', async ({ page }) => {
    await page.goto(`${server.url}/flows`);
    await waitForServiceWorkerControl(page);
    const notice = page.getByRole('status').filter({ hasText: 'A new version is available.' });
    await expect(notice).toBeHidden();
    const [firstCache] = await cacheNames(page);
    await page.evaluate(() => {
      (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
    });

    deployNextBuild(root);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    await expect(notice).toBeVisible({ timeout: 60_000 });
    expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(true);

    await notice.getByRole('button', { name: 'Reload' }).click();
    // The page reloads while this polls; an evaluate cut off by that navigation counts as not yet.
    await expect
      .poll(() => page.evaluate(() => 'beforeUpdate' in window).catch(() => true))
      .toBe(false);
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(notice).toBeHidden();
    await expect.poll(() => cacheNames(page)).toEqual([`${firstCache}next`]);
  });
});
