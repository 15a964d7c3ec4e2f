import { expect, type Locator, type Page } from '@playwright/test';

/** The simulation screen at /flows/:flowId/simulate. */
export class SimulationPage {
  constructor(readonly page: Page) {}

  settings(): Locator {
    return this.page.getByTestId('simulation-settings');
  }

  async setTime(localDateTime: string): Promise<void> {
    await this.page.getByTestId('simulation-time').fill(localDateTime);
  }

  async chooseDataset(name: string | RegExp): Promise<void> {
    await this.page.getByTestId('simulation-dataset').click();
    await this.page.getByRole('option', { name }).click();
  }

  async run(): Promise<void> {
    await this.page.getByTestId('simulation-run').click();
    await expect(this.page.getByTestId('card-total')).toBeVisible({ timeout: 60_000 });
    await expect(this.page.getByTestId('simulation-progress')).toBeHidden({ timeout: 60_000 });
  }

  /** The number on a result card, read without its digit grouping. */
  async cardNumber(card: 'total' | 'assigned' | 'unassigned' | 'duplicates'): Promise<number> {
    const text = await this.page.getByTestId(`card-${card}-value`).innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  async openTab(testId: 'tab-leads' | 'tab-backtest' | 'tab-runs'): Promise<void> {
    await this.page.getByTestId(testId).click();
  }

  rows(): Locator {
    return this.page.getByTestId('result-row');
  }

  /**
   * Selects the first row of the table once its lead has loaded (a row shows
   * a placeholder until the worker sends its page, and a placeholder ignores
   * clicks).
   */
  async selectFirstRow(): Promise<void> {
    const row = this.rows().first();
    await expect(row.getByTestId('result-owner')).not.toBeEmpty();
    await row.click();
    await expect(row).toHaveAttribute('aria-selected', 'true');
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('results-search').fill(text);
  }

  explanation(): Locator {
    return this.page.getByTestId('lead-explanation');
  }

  canvas(): Locator {
    return this.page.getByTestId('simulation-canvas');
  }

  /** Clicks an export button and returns the downloaded file's bytes and name. */
  async export(format: 'csv' | 'xlsx'): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download', { timeout: 60_000 });
    await this.page.getByTestId(`export-${format}`).click();
    const file = await download;
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}
