import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../i18n/i18n';
import type { DatasetRecord } from '../../../storage/records';
import { DATASETS_PER_PAGE, DatasetsTable } from './DatasetsTable';

function datasets(count: number): DatasetRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `dataset_${index}`,
    name: `线索 ${index}`,
    kind: 'leads',
    importedAt: Date.UTC(2026, 2, 1) - index * 60_000,
    rowCount: 100 + index,
    chunkSize: 1000,
    columns: [],
    origin: { fileName: `leads-${index}.csv` },
  }));
}

async function renderTable(count: number) {
  const i18n = initI18n('en');
  await i18n.changeLanguage('en');
  render(
    <MantineProvider env="test">
      <MemoryRouter>
        <DatasetsTable datasets={datasets(count)} onRename={() => {}} onDelete={() => {}} />
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('DatasetsTable', () => {
  it('lists a long list a page at a time', async () => {
    await renderTable(60);

    expect(await screen.findByText(`线索 ${DATASETS_PER_PAGE - 1}`)).toBeInTheDocument();
    expect(screen.getAllByTestId('dataset-row')).toHaveLength(DATASETS_PER_PAGE);
    expect(screen.queryByText(`线索 ${DATASETS_PER_PAGE}`)).not.toBeInTheDocument();
  });

  it('shows the last page’s datasets when it is chosen', async () => {
    await renderTable(60);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: '3' }));

    expect(await screen.findByText('线索 59')).toBeInTheDocument();
    expect(screen.getAllByTestId('dataset-row')).toHaveLength(60 - 2 * DATASETS_PER_PAGE);
  });

  it('shows no pages for a short list', async () => {
    await renderTable(3);

    expect(await screen.findByText('线索 2')).toBeInTheDocument();
    expect(screen.queryByTestId('dataset-pages')).not.toBeInTheDocument();
  });

  it('shows import times in Shanghai to the second', async () => {
    await renderTable(2);

    const times = await screen.findAllByTestId('dataset-imported-at');
    // 2026-03-01 00:00 UTC and a minute before it.
    expect(times.map((cell) => cell.textContent)).toEqual([
      '2026-03-01 08:00:00',
      '2026-03-01 07:59:00',
    ]);
  });
});
