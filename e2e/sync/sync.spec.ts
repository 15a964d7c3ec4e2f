import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createFlowNamed } from '../helpers/flows';
import { FlowsPage } from '../pages/FlowsPage';
import { test, type E2eSyncServer } from './sync-server';
import { SyncSettingsPage } from './SyncSettingsPage';

interface Browser2 {
  context: BrowserContext;
  page: Page;
  flows: FlowsPage;
  sync: SyncSettingsPage;
}

async function openConnected(browser: Browser, server: E2eSyncServer): Promise<Browser2> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sync = new SyncSettingsPage(page);
  await sync.goto();
  await sync.connect(server.url, server.ownerToken);
  return { context, page, flows: new FlowsPage(page), sync };
}

/** Opens a screen through the header navigation, which works offline, unlike a page load. */
async function navigate(side: Browser2, linkName: 'Flows' | 'Sync'): Promise<void> {
  await side.page.getByRole('navigation').first().getByRole('link', { name: linkName }).click();
  await expect(side.page.getByRole('heading', { level: 2 })).toBeVisible();
}

async function renameFlow(side: Browser2, from: string, to: string): Promise<void> {
  await navigate(side, 'Flows');
  await side.flows.openRowAction(from, 'Rename');
  await side.flows.submitNameDialog(to);
  await expect(side.flows.row(to)).toBeVisible();
}

/**
 * Browser A creates a flow and both browsers sync it; B renames it while
 * offline and A renames it too; B comes back online and sees the conflict.
 */
async function makeConflict(
  browser: Browser,
  server: E2eSyncServer,
): Promise<[Browser2, Browser2]> {
  const a = await openConnected(browser, server);
  const b = await openConnected(browser, server);

  await a.flows.goto();
  await createFlowNamed(a.flows, '展会线索');
  await a.sync.goto();
  await a.sync.syncNow();
  await expect(a.sync.status()).toHaveAttribute('aria-label', 'Synced');

  await b.sync.syncNow();
  await b.flows.goto();
  await expect(b.flows.row('展会线索')).toBeVisible();

  await b.context.setOffline(true);
  await renameFlow(b, '展会线索', 'Renamed offline in B');
  await expect(b.sync.status()).toHaveAttribute('aria-label', /change waiting/);

  await renameFlow(a, '展会线索', 'Renamed in A');
  await a.sync.goto();
  await a.sync.syncNow();
  await expect(a.sync.status()).toHaveAttribute('aria-label', 'Synced');

  await b.context.setOffline(false);
  await navigate(b, 'Sync');
  await b.sync.syncNow();
  await expect(b.sync.status()).toHaveAttribute('aria-label', '1 conflict');
  return [a, b];
}

test.describe('sync between two browsers', () => {
  // Two browsers, a server and a dozen syncs: slower than one-page specs on a 2-core machine.
  test.setTimeout(120_000);

  test('resolves a conflict by keeping the server version', async ({ browser, syncServer }) => {
    const [a, b] = await makeConflict(browser, syncServer);

    await b.sync.openFirstConflict();
    await expect(b.sync.conflictDialog().getByTestId('conflict-local')).toContainText(
      'Renamed offline in B',
    );
    await expect(b.sync.conflictDialog().getByTestId('conflict-server')).toContainText(
      'Renamed in A',
    );
    await b.sync.conflictDialog().getByRole('button', { name: "Keep the server's" }).click();
    await expect(b.sync.conflictDialog()).toBeHidden();

    await b.flows.goto();
    await a.sync.syncNow();
    await a.flows.goto();
    await expect.poll(() => b.flows.rowNames()).toEqual(['Renamed in A']);
    await expect.poll(() => a.flows.rowNames()).toEqual(['Renamed in A']);
  });

  test('resolves a conflict by keeping the offline edit', async ({ browser, syncServer }) => {
    const [a, b] = await makeConflict(browser, syncServer);

    await b.sync.openFirstConflict();
    await b.sync.conflictDialog().getByRole('button', { name: "Keep this browser's" }).click();
    await expect(b.sync.conflictDialog()).toBeHidden();

    await a.sync.goto();
    await a.sync.syncNow();
    await a.flows.goto();
    await b.flows.goto();
    await expect.poll(() => a.flows.rowNames()).toEqual(['Renamed offline in B']);
    await expect.poll(() => b.flows.rowNames()).toEqual(['Renamed offline in B']);
  });
});
