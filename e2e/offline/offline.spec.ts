import { expect } from '@playwright/test';
import { importWithDefaults, writeGeneratedLeads } from '../helpers/data';
import { createFlowNamed } from '../helpers/flows';
import { SEVEN_REPS, seedReps } from '../helpers/seed-storage';
import { DataPage } from '../pages/DataPage';
import { FlowsPage } from '../pages/FlowsPage';
import { TeamPage } from '../pages/TeamPage';
import { test } from '../sync/sync-server';
import { SyncSettingsPage } from '../sync/SyncSettingsPage';
import { waitForServiceWorkerControl } from './service-worker';

// The rest of the suite blocks service workers; this spec is about them.
test.use({ serviceWorkers: 'allow' });

test.describe('offline start', () => {
  // A build's worth of files is stored and a dataset imported: slower on a 2-core machine.
  test.setTimeout(120_000);

  test('opens deep routes with their data while offline', async ({
    page,
    context,
    syncServer,
  }, testInfo) => {
    const sync = new SyncSettingsPage(page);
    const flows = new FlowsPage(page);
    const data = new DataPage(page);
    const team = new TeamPage(page);
    await sync.goto();
    await sync.connect(syncServer.url, syncServer.ownerToken);
    await waitForServiceWorkerControl(page);

    await flows.goto();
    await createFlowNamed(flows, '展会线索');
    await seedReps(page, SEVEN_REPS);
    await data.goto();
    const leads = testInfo.outputPath('offline-leads.csv');
    writeGeneratedLeads(leads, 20);
    await importWithDefaults(data, leads);
    await sync.goto();
    await sync.syncNow();
    await expect(sync.status()).toHaveAttribute('aria-label', 'Synced');

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sync', level: 2 })).toBeVisible();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(sync.status()).toHaveAttribute('aria-label', /^Offline/);

    await page.goto('/flows');
    await expect(flows.row('展会线索')).toBeVisible();
    await page.goto('/data');
    await expect(data.datasetRows()).toHaveCount(1);
    await page.goto('/team');
    await expect(team.row('张伟')).toBeVisible();
    await expect(team.rows()).toHaveCount(SEVEN_REPS.length);
  });

  test('leaves API requests to the network, so they fail while offline', async ({
    page,
    context,
  }) => {
    await page.goto('/flows');
    await waitForServiceWorkerControl(page);

    await context.setOffline(true);
    const apiStatus = await page.evaluate(async () => {
      try {
        return String((await fetch('/api/v1/flows')).status);
      } catch {
        return 'network error';
      }
    });

    expect(apiStatus).toBe('network error');
  });
});
