import { expect, type Locator, type Page } from '@playwright/test';

/** The flows list at /flows (English interface). */
export class FlowsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/flows');
    await expect(this.heading()).toBeVisible();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 2 });
  }

  rows(): Locator {
    return this.page.getByTestId('flow-row');
  }

  row(name: string): Locator {
    return this.rows().filter({
      has: this.page.getByTestId('flow-name').getByText(name, { exact: true }),
    });
  }

  rowNames(): Promise<string[]> {
    return this.rows().getByTestId('flow-name').allInnerTexts();
  }

  searchBox(): Locator {
    return this.page.getByRole('textbox', { name: 'Search flows' });
  }

  importResult(): Locator {
    return this.page.getByTestId('import-result');
  }

  async clickNewFlow(): Promise<void> {
    await this.page.getByRole('button', { name: 'New flow' }).click();
  }

  /** Fills the name dialog that create, rename and duplicate open, and submits it. */
  async submitNameDialog(name: string): Promise<void> {
    const input = this.page.getByRole('dialog').getByRole('textbox', { name: 'Flow name' });
    await input.fill(name);
    await input.press('Enter');
    await expect(this.page.getByRole('dialog')).toBeHidden();
  }

  async openRowAction(flowName: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${flowName}` }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  async confirmDeletion(): Promise<void> {
    await this.page
      .getByRole('dialog', { name: 'Delete flow' })
      .getByRole('button', { name: 'Delete' })
      .click();
  }

  async chooseImportFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import flow file' }).click();
    await (await chooser).setFiles(path);
  }

  async sortBy(label: 'Last edited' | 'Name'): Promise<void> {
    await this.page.getByTestId('flow-sort').getByText(label, { exact: true }).click();
    await expect(this.page.getByRole('radio', { name: label })).toBeChecked();
  }
}
