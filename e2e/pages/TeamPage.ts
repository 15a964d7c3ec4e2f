import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The Team screen at /team (English interface unless switched). */
export class TeamPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/team');
    await expect(this.page.getByRole('heading', { level: 2 })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId('rep-row');
  }

  row(name: string): Locator {
    return this.rows().filter({
      has: this.page.getByTestId('rep-name').getByText(name, { exact: true }),
    });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async openRowAction(name: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${name}` }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  async chooseImportFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /^(Import file|导入文件)$/ }).click();
    await (await chooser).setFiles(path);
  }

  importDialog(): Locator {
    return this.page.getByTestId('rep-import');
  }

  /** Exports the team through the Export menu and returns the download. */
  async export(
    format: 'Excel (.xlsx)' | 'CSV (UTF-8)' | 'Excel（.xlsx）' | 'CSV（UTF-8）',
  ): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: /^(Export|导出)$/ }).click();
    await this.page.getByRole('menuitem', { name: format }).click();
    return download;
  }
}
