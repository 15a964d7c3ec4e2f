import { expect, test } from '@playwright/test';
import { createFlowNamed } from './helpers/flows';
import { BackupPage } from './pages/BackupPage';
import { FlowsPage } from './pages/FlowsPage';

test.describe('backup and restore', () => {
  test('restores an exported workspace after confirmation', async ({ page }, testInfo) => {
    const flows = new FlowsPage(page);
    const backup = new BackupPage(page);
    await flows.goto();
    await createFlowNamed(flows, '华东线索');
    await createFlowNamed(flows, '华南线索');

    await backup.goto();
    const download = await backup.exportBackup();
    expect(download.suggestedFilename()).toMatch(/^sras-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = testInfo.outputPath('backup.json');
    await download.saveAs(backupPath);

    await flows.goto();
    await flows.openRowAction('华南线索', 'Delete');
    await flows.confirmDeletion();
    await createFlowNamed(flows, 'Made after the backup');
    await expect(flows.rows()).toHaveCount(2);

    await backup.goto();
    await backup.chooseBackupFile(backupPath);
    await expect(backup.summaryRow('Flows')).toContainText('2');
    await backup.confirmRestore();

    await flows.goto();
    expect((await flows.rowNames()).sort()).toEqual(['华东线索', '华南线索']);
  });

  test('rejects a file that is not a backup and changes nothing', async ({ page }) => {
    const flows = new FlowsPage(page);
    const backup = new BackupPage(page);
    await flows.goto();
    await createFlowNamed(flows, 'Keep me');

    await backup.goto();
    await backup.chooseBackupFile('e2e/fixtures/flows/repairable.json');

    await expect(backup.rejection()).toContainText('not a backup of this app');
    await expect(backup.summary()).toBeHidden();
    await flows.goto();
    await expect(flows.rows()).toHaveCount(1);
  });
});
