import { expect, type Locator, type Page } from '@playwright/test';

/** The dashboard at /dashboard. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  /** Opens the dashboard with the date it treats as today fixed. */
  async goto(asOf: string, extra = ''): Promise<void> {
    await this.page.goto(`/dashboard?asOf=${asOf}${extra}`);
    await expect(this.page.getByRole('heading', { level: 2 })).toBeVisible();
  }

  /** Chooses datasets by name in the data-sources dialog and applies. */
  async chooseDatasets(names: string[], labels: { open: RegExp; apply: string }): Promise<void> {
    await this.page.getByRole('button', { name: labels.open }).first().click();
    const dialog = this.page.getByRole('dialog');
    for (const name of names)
      await dialog.getByRole('checkbox', { name: new RegExp(name) }).check();
    await dialog.getByRole('button', { name: labels.apply }).click();
    await expect(dialog).toBeHidden();
  }

  repRow(repId: string): Locator {
    return this.page.getByTestId('reps-table').locator(`tr[data-row="${repId}"]`);
  }

  /** Text of one metric cell of a rep's row. */
  repCell(repId: string, column: string): Locator {
    return this.repRow(repId).locator(`td[data-column="${column}"]`);
  }

  behindAlert(): Locator {
    return this.page.getByTestId('behind-pace');
  }

  behindRep(repId: string): Locator {
    return this.behindAlert().locator(`[data-rep="${repId}"]`);
  }
}
