import { expect, type Locator, type Page } from '@playwright/test';

/** Column keys of the grid in screen order, as in the plan document. */
export const GRID_COLUMN_KEYS = [
  'year',
  'q1',
  'm1',
  'm2',
  'm3',
  'q2',
  'm4',
  'm5',
  'm6',
  'q3',
  'm7',
  'm8',
  'm9',
  'q4',
  'm10',
  'm11',
  'm12',
] as const;

export type GridColumnKey = (typeof GRID_COLUMN_KEYS)[number];

/** The targets screen at /targets. */
export class TargetsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/targets');
    await expect(this.page.getByRole('heading', { level: 2 })).toBeVisible();
  }

  grid(): Locator {
    return this.page.getByRole('grid');
  }

  /** A grid cell by row key (`company`, `team:华东一组`, `rep:r1`) and column key. */
  cell(row: string, column: GridColumnKey): Locator {
    return this.grid().locator(`[data-cell="${row}|${column}"]`);
  }

  /** Reads a cell's number as shown, without separators. */
  async cellNumber(row: string, column: GridColumnKey): Promise<number> {
    const text = await this.cell(row, column).innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** Every row key of the grid in screen order. */
  async rowKeys(): Promise<string[]> {
    return this.grid()
      .locator('[data-cell$="|year"]')
      .evaluateAll((cells) =>
        cells.map((cell) => (cell.getAttribute('data-cell') ?? '').replace(/\|year$/, '')),
      );
  }

  /** Reads the whole grid: row key → column key → number. */
  async readGrid(): Promise<Map<string, Record<GridColumnKey, number>>> {
    const cells = await this.grid()
      .locator('[data-cell]')
      .evaluateAll((elements) =>
        elements.map(
          (element) =>
            [element.getAttribute('data-cell') ?? '', element.textContent ?? ''] as const,
        ),
      );
    const grid = new Map<string, Record<GridColumnKey, number>>();
    for (const [key, text] of cells) {
      const separator = key.lastIndexOf('|');
      const row = key.slice(0, separator);
      const column = key.slice(separator + 1) as GridColumnKey;
      const values = grid.get(row) ?? ({} as Record<GridColumnKey, number>);
      values[column] = Number(text.replace(/[^\d]/g, '')) || 0;
      grid.set(row, values);
    }
    return grid;
  }

  async createPlan(
    options: { year: number; total: number },
    labels: { newPlan: string; year: string; total: RegExp; create: string },
  ): Promise<void> {
    await this.page.getByRole('button', { name: labels.newPlan }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: labels.year, exact: true })
      .fill(String(options.year));
    await dialog.getByRole('textbox', { name: labels.total }).fill(String(options.total));
    await dialog.getByRole('button', { name: labels.create }).click();
    await expect(dialog).toBeHidden();
  }

  /** Types a value into a cell from the keyboard and saves it with Enter. */
  async editCell(row: string, column: GridColumnKey, value: number): Promise<void> {
    await this.cell(row, column).click();
    await this.cell(row, column).press('Enter');
    const editor = this.cell(row, column).locator('input');
    await editor.fill(String(value));
    await editor.press('Enter');
    await expect(editor).toBeHidden();
  }

  async lockCell(row: string, column: GridColumnKey): Promise<void> {
    await this.cell(row, column).click();
    await this.cell(row, column).press('l');
    await expect(this.cell(row, column)).toHaveAttribute('data-locked', 'true');
  }

  sumCheck(name: 'months' | 'quarters' | 'teams' | 'reps'): Locator {
    return this.page.getByTestId(`sum-${name}`);
  }

  total(): Locator {
    return this.page.getByTestId('plan-total');
  }
}
