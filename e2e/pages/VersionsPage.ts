import { expect, type Locator, type Page } from '@playwright/test';

/** The versions screen of one flow, and the read-only and compare screens it links to (English interface). */
export class VersionsPage {
  constructor(readonly page: Page) {}

  async saveVersion(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Version name' }).fill(name);
    await this.page.getByRole('button', { name: 'Save version' }).click();
    await expect(this.row(name)).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId('version-row');
  }

  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async openRowAction(versionName: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for version ${versionName}` }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  publishErrors(): Locator {
    return this.page.getByTestId('publish-errors');
  }

  async chooseComparison(before: string, after: string): Promise<void> {
    await this.pick('Before', before);
    await this.pick('After', after);
  }

  private async pick(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${option}`) }).click();
  }

  diffSummary(): Locator {
    return this.page.getByTestId('diff-summary');
  }

  fieldChanges(): Locator {
    return this.page.getByTestId('field-change');
  }
}
