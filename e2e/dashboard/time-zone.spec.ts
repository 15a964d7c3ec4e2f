import { expect, test } from '@playwright/test';
import { seedReps, seedTables } from '../helpers/seed-storage';
import { DashboardPage } from '../pages/DashboardPage';
import { SettingsPage } from '../pages/SettingsPage';

// 18:00 UTC on 31 March 2027 is 1 April in Shanghai and the afternoon of 31 March in New York.
const DEAL = {
  owner: '张伟',
  stage: '赢单',
  amount: 70_000,
  createdAt: '2027-03-20',
  closedAt: '2027-03-31T18:00:00Z',
};

test.describe('workspace time zone', () => {
  test('counts a late 31 March deal in March in New York', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto('2027-03-31');
    await seedReps(page, [{ id: 'r1', name: '张伟', team: '华东一组' }]);
    await seedTables(page, {
      datasets: [
        {
          id: 'deals',
          name: '三月成交',
          kind: 'deals',
          importedAt: 1,
          rowCount: 1,
          chunkSize: 1000,
          columns: Object.keys(DEAL).map((key) => ({ key, header: key, field: key, type: 'text' })),
        },
      ],
      datasetRows: [{ datasetId: 'deals', chunk: 0, rows: [DEAL] }],
      settings: [{ key: 'dashboard.settings', value: { datasetIds: ['deals'], runIds: [] } }],
    });

    await expect(page.getByTestId('period-line')).toContainText('(Asia/Shanghai calendar days)');
    await expect(dashboard.repCell('r1', 'won')).toHaveText('0');
    await expect(dashboard.repCell('r1', 'revenue')).toHaveText('¥0');

    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.chooseTimeZone('new_york', 'America/New_York');

    await dashboard.goto('2027-03-31');
    await expect(page.getByTestId('period-line')).toContainText('(America/New_York calendar days)');
    await expect(dashboard.repCell('r1', 'won')).toHaveText('1');
    await expect(dashboard.repCell('r1', 'revenue')).toHaveText('¥70,000');
  });
});
