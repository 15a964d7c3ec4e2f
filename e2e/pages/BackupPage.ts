import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The backup and restore screen at /backup (English interface). */
export class BackupPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/backup');
    await expect(this.page.getByRole('heading', { name: 'Backup and restore' })).toBeVisible();
  }

  /** Exports a backup and returns the download once it has finished. */
  async exportBackup(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export backup' }).click();
    return download;
  }

  async chooseBackupFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose backup file' }).click();
    await (await chooser).setFiles(path);
  }

  summary(): Locator {
    return this.page.getByTestId('restore-summary');
  }

  summaryRow(tableLabel: string): Locator {
    return this.summary().getByRole('row').filter({ hasText: tableLabel });
  }

  rejection(): Locator {
    return this.page.getByTestId('restore-rejected');
  }

  async confirmRestore(): Promise<void> {
    await this.page.getByRole('button', { name: 'Replace and restore' }).click();
    await expect(this.page.getByText('Backup restored.')).toBeVisible();
  }
}
