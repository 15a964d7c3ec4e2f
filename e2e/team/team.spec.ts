import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { saveScreenshot } from '../helpers/screenshots';
import { AppShellPage } from '../pages/AppShellPage';
import { TeamPage } from '../pages/TeamPage';

const FIXTURES = 'e2e/fixtures/team';

test.describe('team screen', () => {
  test('keeps a half-filled rep form across a reload', async ({ page }) => {
    const team = new TeamPage(page);
    await team.goto();

    await page.getByRole('button', { name: 'Add rep' }).click();
    await team.dialog().getByLabel('Name').fill('张伟');
    await team.dialog().getByLabel('Weight').fill('3');
    await page.reload();

    await expect(team.dialog().getByLabel('Name')).toHaveValue('张伟');
    await expect(team.dialog().getByLabel('Weight')).toHaveValue('3');
    await team.dialog().getByRole('button', { name: 'Add rep' }).click();
    await expect(team.row('张伟')).toBeVisible();
    await page.reload();
    await expect(team.row('张伟')).toBeVisible();
    await expect(team.dialog()).toBeHidden();
  });

  test('adds, edits, deactivates and deletes a rep', async ({ page }) => {
    const team = new TeamPage(page);
    await team.goto();

    await page.getByRole('button', { name: 'Add rep' }).click();
    const form = team.dialog();
    await form.getByLabel('Name').fill('张伟');
    await expect(form.getByRole('textbox', { name: /^Id/ })).toHaveValue('R001');
    await form.getByRole('textbox', { name: /^Id/ }).fill('E1001');
    await form.getByRole('combobox', { name: 'Team' }).fill('华东一组');
    await form.getByLabel('Weight').fill('2');
    await form.getByLabel('Per day').fill('0');
    await form.getByLabel('Per month').fill('300');
    await form.getByLabel('Employed from').fill('2026-03-16');
    await form.getByRole('button', { name: 'Add leave' }).click();
    await form.getByLabel('Leave 1 from').fill('2026-12-01');
    await form.getByLabel('Leave 1 until').fill('2026-12-03');
    await expect(form).toContainText('0 pauses the rep for that period');
    await form.getByRole('button', { name: 'Add rep' }).click();

    const row = team.row('张伟');
    await expect(row).toContainText('华东一组');
    await expect(row).toContainText('0 (paused) / ∞ / 300');
    await expect(row).toContainText('2026-12-01~2026-12-03');
    await expect(row).toContainText('2026-03-16 ~ …');
    await expect(page.getByTestId('teams-panel')).toContainText('华东一组 · 1 rep');

    await team.openRowAction('张伟', 'Edit');
    await expect(team.dialog().getByRole('textbox', { name: /^Id/ })).toBeDisabled();
    await team.dialog().getByLabel('Weight').fill('0');
    await team.dialog().getByRole('button', { name: 'Save' }).click();
    await expect(team.dialog()).toContainText('Enter a number greater than 0.');
    await team.dialog().getByLabel('Weight').fill('3');
    await team.dialog().getByRole('button', { name: 'Save' }).click();
    await expect(team.dialog()).toBeHidden();
    await expect(row.getByRole('cell').nth(3)).toHaveText('3');

    await team.openRowAction('张伟', 'Deactivate');
    await expect(row).toContainText('Inactive');
    await team.openRowAction('张伟', 'Activate');
    await expect(row).toContainText('Active');

    await team.openRowAction('张伟', 'Delete');
    await expect(team.dialog()).toContainText('Delete 张伟?');
    await team.dialog().getByRole('button', { name: 'Delete' }).click();
    await expect(team.rows()).toHaveCount(0);
    await page.reload();
    await expect(page.getByText('No reps yet')).toBeVisible();
  });

  test('imports the command-line table and exports it for a round trip', async ({
    page,
  }, testInfo) => {
    const team = new TeamPage(page);
    await team.goto();

    await team.chooseImportFile(`${FIXTURES}/reps-zh.csv`);
    await expect(team.importDialog()).toContainText('3 new, 0 updated, 0 unchanged, 0 deleted.');
    await expect(team.importDialog()).toContainText('New teams: 华东一组、华南组');
    await page.getByTestId('rep-import-confirm').click();
    await expect(team.rows()).toHaveCount(3);
    await expect(team.row('王芳')).toContainText('Inactive');
    await saveScreenshot(page, 'team-en');

    const csv = await team.export('CSV (UTF-8)');
    const csvPath = testInfo.outputPath('team.csv');
    await csv.saveAs(csvPath);
    const text = readFileSync(csvPath, 'utf8');
    expect(
      text.startsWith('\uFEFFid,name,team,active,weight,capacity_day,capacity_week,capacity_month'),
    ).toBe(true);
    expect(text).toContain('r1,张伟,华东一组,yes,2,20,80,300,2026-12-01~2026-12-03;2026-12-10,5');

    const xlsx = await team.export('Excel (.xlsx)');
    const xlsxPath = testInfo.outputPath('team.xlsx');
    await xlsx.saveAs(xlsxPath);

    await team.openRowAction('李娜', 'Delete');
    await team.dialog().getByRole('button', { name: 'Delete' }).click();
    await expect(team.rows()).toHaveCount(2);
    await team.chooseImportFile(xlsxPath);
    await expect(team.importDialog()).toContainText('1 new, 0 updated, 2 unchanged, 0 deleted.');
    await page.getByTestId('rep-import-confirm').click();
    await expect(team.rows()).toHaveCount(3);
    await expect(team.row('李娜')).toContainText('∞ / ∞ / ∞');

    await team.chooseImportFile(csvPath);
    await expect(team.importDialog()).toContainText('0 new, 0 updated, 3 unchanged, 0 deleted.');
  });

  test('rejects a file with errors, naming row and column, and changes nothing', async ({
    page,
  }) => {
    const team = new TeamPage(page);
    await team.goto();
    await team.chooseImportFile(`${FIXTURES}/reps-zh.csv`);
    await page.getByTestId('rep-import-confirm').click();
    await expect(team.rows()).toHaveCount(3);

    await team.chooseImportFile(`${FIXTURES}/reps-bad.csv`);

    await expect(team.importDialog()).toContainText(
      'The file has 2 errors, so nothing was imported.',
    );
    await expect(team.importDialog()).toContainText(
      'Row 2: capacity_day "many" is not a whole number.',
    );
    await expect(team.importDialog()).toContainText('Row 3: id "r1" is already used in row 2.');
    await expect(page.getByTestId('rep-import-confirm')).toHaveCount(0);
    await team.importDialog().getByRole('button', { name: 'Close' }).click();
    await expect(team.rows()).toHaveCount(3);
    await expect(team.row('李娜')).toContainText('华东一组');
  });

  test('shows the team in Chinese and exports Chinese headers', async ({ page }, testInfo) => {
    const team = new TeamPage(page);
    await team.goto();
    await new AppShellPage(page).switchLanguage('简体中文');
    await team.chooseImportFile(`${FIXTURES}/reps-zh.csv`);
    await page.getByTestId('rep-import-confirm').click();
    await expect(team.rows()).toHaveCount(3);
    await saveScreenshot(page, 'team-zh');

    const csv = await team.export('CSV（UTF-8）');
    const path = testInfo.outputPath('团队.csv');
    await csv.saveAs(path);
    expect(readFileSync(path, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFF编号,姓名,团队,在职,权重,日上限,周上限,月上限,休假,在手线索,入职日期,离职日期',
    );

    await page.getByRole('button', { name: '添加销售' }).click();
    await saveScreenshot(page, 'team-form-zh');
  });
});
