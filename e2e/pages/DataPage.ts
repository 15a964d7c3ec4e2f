import { expect, type Locator, type Page } from '@playwright/test';

/** The Data screen at /data: the import wizard and the datasets list. */
export class DataPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/data');
    await expect(this.dropzone()).toBeVisible();
  }

  dropzone(): Locator {
    return this.page.getByTestId('import-dropzone');
  }

  /** Picks a file through the drop zone's file input. */
  async chooseFile(path: string): Promise<void> {
    await this.dropzone().locator('input[type=file]').setInputFiles(path);
  }

  review(): Locator {
    return this.page.getByTestId('import-review');
  }

  progress(): Locator {
    return this.page.getByTestId('import-progress');
  }

  summary(): Locator {
    return this.page.getByTestId('import-summary');
  }

  readExplanation(): Locator {
    return this.page.getByTestId('read-explanation');
  }

  notice(): Locator {
    return this.page.getByTestId('import-notice');
  }

  confirmButton(): Locator {
    return this.page.getByTestId('import-confirm');
  }

  mappingRow(columnKey: string): Locator {
    return this.page
      .getByTestId('mapping-row')
      .and(this.page.locator(`[data-column="${columnKey}"]`));
  }

  async openTab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /**
   * Chooses a field in the mapping table: `columnLabel` is the select's accessible
   * name (`Field of column City`), `optionLabel` the option's visible label.
   */
  async mapColumn(columnLabel: string, optionLabel: string): Promise<void> {
    await this.fieldSelect(columnLabel).selectOption({ label: optionLabel });
  }

  /** The field select of a column, by its accessible name (`Field of column City`). */
  fieldSelect(columnLabel: string): Locator {
    return this.page.getByRole('combobox', { name: columnLabel, exact: true });
  }

  async chooseKind(label: string): Promise<void> {
    await this.page.getByTestId('dataset-kind').getByText(label, { exact: true }).click();
  }

  async chooseHeaderRow(optionLabel: string): Promise<void> {
    await this.page
      .getByRole('combobox', { name: /^(Header row|表头行)$/ })
      .selectOption({ label: optionLabel });
  }

  datasetRows(): Locator {
    return this.page.getByTestId('dataset-row');
  }

  datasetRow(name: string): Locator {
    return this.datasetRows().filter({
      has: this.page.getByTestId('dataset-name').getByText(name, { exact: true }),
    });
  }

  async openDatasetAction(name: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`${escape(name)}`) }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }
}

/** The table view of one dataset at /data/:id. */
export class DatasetTablePage {
  constructor(readonly page: Page) {}

  counts(): Locator {
    return this.page.getByTestId('table-counts');
  }

  matching(): Locator {
    return this.page.getByTestId('table-matching');
  }

  table(): Locator {
    return this.page.getByTestId('dataset-rows-table');
  }

  rows(): Locator {
    return this.page.getByTestId('dataset-row-cells');
  }

  /** The cells of the row shown at 0-based position `index` among the rendered rows. */
  async rowTexts(index: number): Promise<string[]> {
    return this.rows().nth(index).getByRole('cell').allInnerTexts();
  }

  /** Header texts of the columns, each header's first line. */
  async headers(): Promise<string[]> {
    const texts = await this.table().getByRole('columnheader').allInnerTexts();
    return texts.slice(1).map((text) => text.split('\n')[0] ?? '');
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel(/^(Search rows|搜索行)$/).fill(text);
  }

  async sortBy(column: string): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(`^(Sort by|按) ${escape(column)}`) })
      .click();
  }

  async goToRow(row: number): Promise<void> {
    const input = this.page.getByLabel(/^(Go to row|跳到第几行)$/);
    await input.fill(String(row));
    await input.press('Enter');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
