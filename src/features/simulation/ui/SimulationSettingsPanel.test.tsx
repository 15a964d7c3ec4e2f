import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { paths } from '../../../app/paths';
import { initI18n } from '../../../i18n/i18n';
import type { DatasetRecord } from '../../../storage/records';
import { useFreshDatabase } from '../../../test/database';
import { renderApp } from '../../../test/render-app';
import { formatDatasetLabel } from '../../data/datasets/dataset-label';
import { importSameFileAt, textFile } from '../../data/test/import-harness';
import { findTemplate } from '../../templates/catalogue';
import { openTemplate } from '../../templates/template-opener';

/** Formats the label the owners picker shows for a list, in English and Asia/Shanghai. */
function ownersLabel(dataset: DatasetRecord): string {
  return formatDatasetLabel(dataset, { t: initI18n('en').getFixedT('en'), language: 'en' });
}

describe('SimulationSettingsPanel', () => {
  useFreshDatabase();

  it('preselects the template customer list', async () => {
    const opened = await openTemplate(findTemplate('collision-protection')!, 'en');

    await renderApp(paths.simulate(opened.flow.id));

    const owners = await screen.findByRole('combobox', {
      name: 'Existing customers (for duplicates)',
    });
    await waitFor(() =>
      expect((owners as HTMLInputElement).value).toBe(ownersLabel(opened.ownersDataset!)),
    );
  });

  it('keeps a list the user picked', async () => {
    const user = userEvent.setup();
    const opened = await openTemplate(findTemplate('collision-protection')!, 'en');
    await renderApp(paths.simulate(opened.flow.id));
    const owners = await screen.findByRole('combobox', {
      name: 'Existing customers (for duplicates)',
    });
    await waitFor(() =>
      expect((owners as HTMLInputElement).value).toBe(ownersLabel(opened.ownersDataset!)),
    );

    await user.click(owners);
    await user.click(await screen.findByRole('option', { name: 'None' }));

    expect(owners).toHaveValue('None');
  });

  it('keeps the whole dataset label as the title of the lead picker', async () => {
    const opened = await openTemplate(findTemplate('collision-protection')!, 'en');

    await renderApp(paths.simulate(opened.flow.id));

    const picker = await screen.findByTestId('simulation-dataset');
    await waitFor(() => expect(picker.getAttribute('title')).toMatch(/ · \d[\d,]* rows$/));
    expect(picker.getAttribute('title')).toBe((picker as HTMLInputElement).value);
  });

  it('tells two imports of one file apart', async () => {
    const user = userEvent.setup();
    const opened = await openTemplate(findTemplate('collision-protection')!, 'en');
    const file = textFile('leads.csv', '姓名,手机\n张三,13800000000\n李四,13900000000\n');
    // 2026-12-05 14:03 and 16:20 in Shanghai.
    await importSameFileAt(file, [Date.UTC(2026, 11, 5, 6, 3), Date.UTC(2026, 11, 5, 8, 20)]);

    await renderApp(paths.simulate(opened.flow.id));
    const picker = await screen.findByTestId('simulation-dataset');
    await user.click(picker);
    const options = await screen.findAllByRole('option', { name: /^leads\.csv/ });

    expect(options.map((option) => option.textContent)).toEqual([
      'leads.csv · 2026-12-05 16:20 · 2 rows',
      'leads.csv · 2026-12-05 14:03 · 2 rows',
    ]);
    await user.click(options[1]!);
    expect(picker).toHaveValue('leads.csv · 2026-12-05 14:03 · 2 rows');
  });

  it('tells two imports of one file apart in Chinese', async () => {
    const user = userEvent.setup();
    const opened = await openTemplate(findTemplate('collision-protection')!, 'zh-CN');
    const file = textFile('线索.csv', '姓名,手机\n张三,13800000000\n');
    await importSameFileAt(file, [Date.UTC(2026, 11, 5, 6, 3), Date.UTC(2026, 11, 6, 6, 3)]);

    await renderApp(paths.simulate(opened.flow.id), 'zh-CN');
    await user.click(await screen.findByTestId('simulation-dataset'));
    const options = await screen.findAllByRole('option', { name: /^线索\.csv/ });

    expect(options.map((option) => option.textContent)).toEqual([
      '线索.csv · 2026-12-06 14:03 · 1 行',
      '线索.csv · 2026-12-05 14:03 · 1 行',
    ]);
  });
});
