import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { renderApp } from '../../test/render-app';
import { importSameFileAt, textFile } from '../data/test/import-harness';

const DEALS = [
  'Owner,Amount,Stage,Close Date',
  'r1,80000,Closed Won,2027-03-03',
  'r2,12500,Closed Won,2027-03-12',
].join('\n');

// 2026-12-05 14:03 and 2026-12-05 18:45 in Shanghai.
const IMPORT_TIMES = [Date.UTC(2026, 11, 5, 6, 3), Date.UTC(2026, 11, 5, 10, 45)];

describe('SourcesDialog', () => {
  useFreshDatabase();

  it('tells two imports of one file apart', async () => {
    const user = userEvent.setup();
    await importSameFileAt(textFile('deals.csv', DEALS), IMPORT_TIMES, { kind: 'deals' });
    await renderApp('/dashboard?asOf=2027-03-31');

    await user.click(await screen.findByRole('button', { name: /^Data sources/ }));
    const dialog = await screen.findByRole('dialog');
    const newer = within(dialog).getByRole('checkbox', {
      name: 'deals.csv · 2026-12-05 18:45 · 2 rows',
    });
    const older = within(dialog).getByRole('checkbox', {
      name: 'deals.csv · 2026-12-05 14:03 · 2 rows',
    });
    await user.click(older);

    expect(older).toBeChecked();
    expect(newer).not.toBeChecked();
    expect(
      within(dialog).getByRole('button', {
        name: 'Columns of deals.csv · 2026-12-05 14:03 · 2 rows',
      }),
    ).toBeVisible();
  });

  it('tells two imports of one file apart in Chinese', async () => {
    const user = userEvent.setup();
    await importSameFileAt(textFile('成交.csv', DEALS), IMPORT_TIMES, { kind: 'deals' });
    await renderApp('/dashboard?asOf=2027-03-31', 'zh-CN');

    await user.click(await screen.findByRole('button', { name: /^数据来源/ }));
    const dialog = await screen.findByRole('dialog');
    const names = within(dialog)
      .getAllByRole('checkbox', { name: /^成交\.csv/ })
      .map((checkbox) => (checkbox as HTMLInputElement).labels?.[0]?.textContent);

    expect(names).toEqual([
      '成交.csv · 2026-12-05 18:45 · 2 行',
      '成交.csv · 2026-12-05 14:03 · 2 行',
    ]);
  });
});
