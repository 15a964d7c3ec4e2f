import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot } from '../helpers/screenshots';
import { seedReps, seedTables, SEVEN_REPS } from '../helpers/seed-storage';
import { AppShellPage } from '../pages/AppShellPage';
import { GRID_COLUMN_KEYS, TargetsPage, type GridColumnKey } from '../pages/TargetsPage';
import { TeamPage } from '../pages/TeamPage';

/** Scrolls to the top and drops focus so a full-page screenshot shows the page as a reader sees it. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await saveScreenshot(page, name);
}

const ENGLISH = {
  newPlan: 'New plan',
  year: 'Year',
  total: /Yearly target/,
  create: 'Create plan',
};

/** Checks every total on screen: months → quarters → year, reps → teams → company. */
async function expectAllSumsExact(targets: TargetsPage): Promise<void> {
  const grid = await targets.readGrid();
  const rowKeys = await targets.rowKeys();

  for (const [row, cells] of grid) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const months = [0, 1, 2].map(
        (offset) => cells[`m${(quarter - 1) * 3 + offset + 1}` as GridColumnKey],
      );
      expect(cells[`q${quarter}` as GridColumnKey], `${row} Q${quarter}`).toBe(
        months.reduce((a, b) => a + b, 0),
      );
    }
    expect(cells.year, `${row} year`).toBe(cells.q1 + cells.q2 + cells.q3 + cells.q4);
  }

  const teams = rowKeys.filter((key) => key.startsWith('team:'));
  for (const column of GRID_COLUMN_KEYS) {
    const teamSum = teams.reduce((sum, team) => sum + (grid.get(team)?.[column] ?? 0), 0);
    expect(teamSum, `teams ${column}`).toBe(grid.get('company')?.[column]);
    for (const team of teams) {
      const start = rowKeys.indexOf(team) + 1;
      const nextTeam = rowKeys.findIndex((key, index) => index >= start && key.startsWith('team:'));
      const reps = rowKeys.slice(start, nextTeam < 0 ? undefined : nextTeam);
      const repSum = reps.reduce((sum, rep) => sum + (grid.get(rep)?.[column] ?? 0), 0);
      expect(repSum, `${team} ${column}`).toBe(grid.get(team)?.[column]);
    }
  }
}

test.describe('targets', () => {
  test('splits ¥12,000,000 for 2027, keeps a locked cell and re-spreads a new total', async ({
    page,
  }) => {
    const targets = new TargetsPage(page);
    await targets.goto();
    await seedReps(page, SEVEN_REPS);

    await targets.createPlan({ year: 2027, total: 12_000_000 }, ENGLISH);

    await expect(targets.total()).toHaveText('¥12,000,000');
    for (const name of ['months', 'quarters', 'teams', 'reps'] as const) {
      await expect(targets.sumCheck(name)).toContainText('exact');
    }
    expect(await targets.cellNumber('company', 'm1')).toBe(1_000_000);
    expect(await targets.cellNumber('company', 'm12')).toBe(1_000_000);
    // 赵敏 joins in July: nothing before, a share of each month after.
    await expect(targets.cell('rep:r7', 'm6')).toHaveAttribute('data-inactive', 'true');
    expect(await targets.cellNumber('rep:r7', 'm7')).toBe(142_857);
    expect(await targets.cellNumber('rep:r1', 'm1')).toBe(166_667);
    await expectAllSumsExact(targets);

    await targets.lockCell('rep:r1', 'm3');
    const lockedValue = await targets.cellNumber('rep:r1', 'm3');
    await targets.editCell('company', 'year', 15_000_000);

    await expect(targets.total()).toHaveText('¥15,000,000');
    expect(await targets.cellNumber('rep:r1', 'm3')).toBe(lockedValue);
    expect(await targets.cellNumber('company', 'year')).toBe(15_000_000);
    for (const name of ['months', 'quarters', 'teams', 'reps'] as const) {
      await expect(targets.sumCheck(name)).toContainText('exact');
    }
    await expectAllSumsExact(targets);
    await screenshot(page, 'targets-grid-en');

    // A total below the locked cell is refused and nothing changes.
    await targets.cell('team:华东一组', 'm3').click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('change-rejected')).toContainText(
      'cannot be ¥1: locked cells under it already add up to ¥166,667',
    );
    await page.keyboard.press('Escape');
    expect(await targets.cellNumber('rep:r1', 'm3')).toBe(lockedValue);

    await new AppShellPage(page).switchLanguage('简体中文');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('业绩目标拆解');
    await expect(targets.sumCheck('months')).toContainText('分毫不差');
    await screenshot(page, 'targets-grid-zh-CN');
  });

  test('keeps typing in a new-plan form and a grid cell across reloads', async ({ page }) => {
    const targets = new TargetsPage(page);
    await targets.goto();
    await seedReps(page, SEVEN_REPS);

    await page.getByRole('button', { name: ENGLISH.newPlan }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: ENGLISH.total }).fill('12000000');
    await form.getByRole('textbox', { name: 'Name' }).fill('冲刺计划');
    await page.reload();
    await expect(form.getByRole('textbox', { name: 'Name' })).toHaveValue('冲刺计划');
    await expect(form.getByRole('textbox', { name: ENGLISH.total })).toHaveValue('¥12,000,000');
    await form.getByRole('button', { name: ENGLISH.create }).click();
    await expect(targets.total()).toHaveText('¥12,000,000');

    await targets.cell('rep:r1', 'm3').click();
    await page.keyboard.type('4500');
    await page.reload();
    const editor = targets.cell('rep:r1', 'm3').getByRole('textbox');
    await expect(editor).toHaveValue('4500');
    await editor.press('Enter');
    await expect(targets.cell('rep:r1', 'm3')).toHaveText('4,500');
    // The grid is busy until the edit is saved.
    await expect(targets.grid()).not.toHaveAttribute('aria-busy', 'true');
    await page.reload();
    await expect(targets.cell('rep:r1', 'm3')).toHaveText('4,500');
    await expect(targets.cell('rep:r1', 'm3').getByRole('textbox')).toHaveCount(0);
  });

  test('keeps figures under a team renamed on the team screen', async ({ page }) => {
    const targets = new TargetsPage(page);
    await targets.goto();
    await seedTables(page, {
      teams: [
        { id: 'team_east', name: '华东一组', createdAt: 1 },
        { id: 'team_south', name: '华南组', createdAt: 1 },
      ],
    });
    await seedReps(page, SEVEN_REPS);
    await targets.createPlan({ year: 2027, total: 12_000_000 }, ENGLISH);
    await expect(targets.total()).toHaveText('¥12,000,000');
    const eastYear = await targets.cellNumber('team:华东一组', 'year');
    const eastMarch = await targets.cellNumber('team:华东一组', 'm3');

    const team = new TeamPage(page);
    await team.goto();
    await page.getByRole('button', { name: 'Rename team 华东一组' }).click();
    const nameField = team.dialog().getByRole('textbox');
    await nameField.fill('华东大区');
    await team.dialog().getByRole('button', { name: 'Rename' }).click();
    await expect(page.getByRole('button', { name: 'Rename team 华东大区' })).toBeVisible();

    await targets.goto();
    await expect(targets.total()).toHaveText('¥12,000,000');
    expect(await targets.rowKeys()).not.toContain('team:华东一组');
    expect(await targets.cellNumber('team:华东大区', 'year')).toBe(eastYear);
    expect(await targets.cellNumber('team:华东大区', 'm3')).toBe(eastMarch);
    await expect(page.getByRole('rowheader').filter({ hasText: '华东大区' })).toBeVisible();
    await expectAllSumsExact(targets);
  });

  test('takes new and departed reps into a draft from the team', async ({ page }) => {
    const targets = new TargetsPage(page);
    await targets.goto();
    await seedReps(page, SEVEN_REPS);
    await targets.createPlan({ year: 2027, total: 12_000_000 }, ENGLISH);
    await targets.lockCell('rep:r1', 'm2');
    const lockedFebruary = await targets.cellNumber('rep:r1', 'm2');
    await seedReps(page, [
      { id: 'r8', name: '孙丽', team: '华北组', employmentStart: '2027-04-01' },
      { id: 'r3', name: '李娜', team: '华东一组', active: false },
    ]);
    await targets.goto();

    const notice = page.getByTestId('team-changed');
    await expect(notice).toContainText('1 new rep, 1 rep has left');
    await notice.getByRole('button', { name: 'Update from team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Update this draft from the team' });
    await dialog.getByRole('radio', { name: /A share by the split method/ }).check();
    await expect(dialog.getByTestId('team-sync-added')).toContainText('孙丽 (华北组): ¥');
    await expect(dialog.getByTestId('team-sync-left')).toContainText('李娜 (华东一组)');
    await screenshot(page, 'targets-team-sync-dialog-en');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();

    await expect(targets.total()).toHaveText('¥12,000,000');
    expect(await targets.rowKeys()).toEqual(expect.arrayContaining(['team:华北组', 'rep:r8']));
    expect(await targets.cellNumber('rep:r8', 'm3')).toBe(0);
    expect(await targets.cellNumber('rep:r8', 'm4')).toBeGreaterThan(0);
    expect(await targets.cellNumber('rep:r1', 'm2')).toBe(lockedFebruary);
    await expect(page.getByRole('rowheader').filter({ hasText: '李娜 (inactive)' })).toBeVisible();
    await expect(notice).toContainText('1 rep has left');
    await expectAllSumsExact(targets);

    await new AppShellPage(page).switchLanguage('简体中文');
    await expect(notice).toContainText('1 名销售已离开');
    await screenshot(page, 'targets-team-sync-applied-zh');
  });
});
