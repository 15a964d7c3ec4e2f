import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../i18n/i18n';
import type { DatasetColumn } from '../../../storage/records';
import { INITIAL_VISIBLE_ROWS } from '../../../app/useFixedRowWindow';
import type { TableView } from './useTableView';
import { VirtualRowsTable } from './VirtualRowsTable';

const ROW_HEIGHT = 32;
const COLUMNS = [
  { key: 'name', header: '姓名', field: 'name', type: 'text' },
] as unknown as DatasetColumn[];

function view(total: number): TableView {
  return {
    status: { state: 'ready' },
    total,
    querying: false,
    rowAt: (position) => ({ row: { name: `客户${position}` }, rowNumber: position + 1 }),
  };
}

async function renderTable(total: number, scrollToPosition: number | null = null) {
  const i18n = initI18n('en');
  await i18n.changeLanguage('en');
  return render(
    <MantineProvider env="test">
      <VirtualRowsTable
        columns={COLUMNS}
        view={view(total)}
        sort={null}
        onSortChange={() => undefined}
        scrollToPosition={scrollToPosition}
      />
    </MantineProvider>,
  );
}

function renderedRowIndexes(): number[] {
  return screen
    .getAllByTestId('dataset-row-cells')
    .map((row) => Number(row.getAttribute('aria-rowindex')) - 2);
}

describe('VirtualRowsTable', () => {
  it('renders only the first screenful of 200,000 rows before any scroll', async () => {
    await renderTable(200_000);

    const indexes = renderedRowIndexes();
    expect(indexes[0]).toBe(0);
    expect(indexes.length).toBeLessThanOrEqual(INITIAL_VISIBLE_ROWS + 10);
    expect(screen.getByTestId('dataset-rows-table').lastElementChild).toHaveStyle({
      height: `${200_000 * ROW_HEIGHT}px`,
    });
  });

  it('renders the rows at the scroll offset, each placed at its own height', async () => {
    await renderTable(200_000);
    const scroller = screen.getByTestId('dataset-rows-table');

    scroller.scrollTop = 100_000 * ROW_HEIGHT;
    fireEvent.scroll(scroller);

    expect(await screen.findByText('客户100000')).toBeInTheDocument();
    const indexes = renderedRowIndexes();
    expect(Math.min(...indexes)).toBeGreaterThan(99_980);
    expect(Math.max(...indexes)).toBeLessThan(100_030);
    expect(screen.getByText('客户100000').closest('[role=row]')).toHaveStyle({
      transform: `translateY(${100_000 * ROW_HEIGHT}px)`,
    });
  });

  it('scrolls a position asked for to the top', async () => {
    await renderTable(9_240, 9_239);

    expect(screen.getByTestId('dataset-rows-table').scrollTop).toBe(9_239 * ROW_HEIGHT);
  });

  it('renders no row for an empty result', async () => {
    await renderTable(0);

    expect(screen.queryAllByTestId('dataset-row-cells')).toHaveLength(0);
  });
});
