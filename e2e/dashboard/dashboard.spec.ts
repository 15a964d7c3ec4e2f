import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot } from '../helpers/screenshots';
import { seedReps, type SeedRep } from '../helpers/seed-storage';
import { AppShellPage } from '../pages/AppShellPage';
import { DataPage, DatasetTablePage } from '../pages/DataPage';
import { DashboardPage } from '../pages/DashboardPage';
import { TargetsPage } from '../pages/TargetsPage';

/** Scrolls to the top and drops focus so a full-page screenshot shows the page as a reader sees it. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await saveScreenshot(page, name);
}

const FIVE_REPS: SeedRep[] = [
  { id: 'r1', name: '张伟', team: '华东一组' },
  { id: 'r2', name: '王芳', team: '华东一组' },
  { id: 'r3', name: '李娜', team: '华东一组' },
  { id: 'r4', name: '刘洋', team: '华南组' },
  { id: 'r5', name: '陈静', team: '华南组' },
];

test.describe('dashboard', () => {
  test('shows one rep’s figures and pace from an imported spreadsheet of won deals', async ({
    page,
  }) => {
    const targets = new TargetsPage(page);
    await targets.goto();
    await seedReps(page, FIVE_REPS);
    // ¥12,000,000 over 12 months and 5 reps: exactly ¥200,000 per rep and month.
    await targets.createPlan(
      { year: 2027, total: 12_000_000 },
      { newPlan: 'New plan', year: 'Year', total: /Yearly target/, create: 'Create plan' },
    );
    expect(await targets.cellNumber('rep:r1', 'm3')).toBe(200_000);

    // The spreadsheet goes in through the import wizard as a dataset of deals.
    const data = new DataPage(page);
    await data.goto();
    await data.chooseFile('e2e/fixtures/deals/won-deals-2027q1.csv');
    await expect(data.review()).toBeVisible({ timeout: 30_000 });
    // Its stage, amount and close-date columns make the wizard guess deals.
    await expect(page.getByTestId('kind-guess')).toContainText(
      'Guessed as deals because columns are mapped to deal fields: Stage, Amount, Close date.',
    );
    await expect(page.getByRole('radio', { name: 'Deals' })).toBeChecked();
    await data.confirmButton().click();
    await expect(new DatasetTablePage(page).matching()).toContainText('All 52 rows', {
      timeout: 30_000,
    });

    const dashboard = new DashboardPage(page);
    await dashboard.goto('2027-03-16');
    await dashboard.chooseDatasets(['won-deals-2027q1'], {
      open: /Data sources|Choose data sources/,
      apply: 'Apply',
    });

    // 张伟 in March up to the 16th, counted by hand from the fixture:
    // created 1–16 March: rows 0031, 0036, 0041, 0048, 0052 → 5 assigned;
    // won and closed 1–16 March: 0007 (36,000), 0031 (18,500), 0048 (12,000) → 3 won, ¥66,500;
    // of the 5 assigned, 0031 and 0048 are won by today → 40 %;
    // days to close 12, 8 and 5 → 8.3 on average;
    // target ¥200,000; 15 of 31 days elapsed → ¥96,774.19 expected (48.4 %), 33.3 % reached;
    // behind by ¥30,274; (200,000 − 66,500) ÷ 16 remaining days = ¥8,343.75 a day.
    await expect(dashboard.repCell('r1', 'assigned')).toHaveText('5');
    await expect(dashboard.repCell('r1', 'won')).toHaveText('3');
    await expect(dashboard.repCell('r1', 'revenue')).toHaveText('¥66,500');
    await expect(dashboard.repCell('r1', 'conversion')).toHaveText('40%');
    await expect(dashboard.repCell('r1', 'daysToClose')).toHaveText('8.3');
    await expect(dashboard.repCell('r1', 'target')).toHaveText('¥200,000');
    await expect(dashboard.repCell('r1', 'attainment')).toHaveText('33.3%');
    await expect(dashboard.repCell('r1', 'expected')).toHaveText('48.4%');
    await expect(dashboard.repCell('r1', 'status')).toHaveText('Behind');
    await expect(dashboard.repCell('r1', 'gap')).toHaveText('¥30,274');
    await expect(dashboard.repCell('r1', 'dailyNeeded')).toHaveText('¥8,344');
    await expect(dashboard.behindRep('r1')).toContainText('张伟: ¥30,274 behind pace');
    await expect(dashboard.behindRep('r1')).toContainText(
      'Needs ¥8,344 a day on the 16 remaining days with a target',
    );

    // The owner 老周 is not a rep and is listed, not counted.
    await expect(page.getByTestId('unmatched-owners')).toContainText('老周');
    await expect(page.getByTestId('unmatched-owners')).toContainText('no rep with this id or name');
    await expect(page.getByTestId('chart-trend')).toBeVisible();
    await screenshot(page, 'dashboard-en');

    await page.getByTestId('chart-attainment').getByText('Table', { exact: true }).click();
    await expect(
      page.getByTestId('chart-attainment').getByRole('cell', { name: '张伟' }),
    ).toBeVisible();

    await new AppShellPage(page).switchLanguage('简体中文');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('业绩看板');
    await expect(dashboard.repCell('r1', 'status')).toHaveText('落后');
    await expect(dashboard.behindRep('r1')).toContainText('每天需完成 ¥8,344');
    await screenshot(page, 'dashboard-zh-CN');
  });
});
