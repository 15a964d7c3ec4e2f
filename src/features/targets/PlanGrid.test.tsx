import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { INITIAL_VISIBLE_ROWS } from '../../app/useFixedRowWindow';
import { initI18n } from '../../i18n/i18n';
import { GRID_ROW_HEIGHT } from './grid-layout';
import { PlanGrid } from './PlanGrid';
import type { CellRef, PlanPerson, TargetPlan } from './target-plan.types';
import { buildPlan } from './test/plan-fixtures';

/** Sixty reps in three teams: 64 rows with the company and the team rows. */
const SIXTY_REPS: PlanPerson[] = Array.from({ length: 60 }, (_, index) => ({
  id: `r${index}`,
  name: `销售${index}`,
  team: `团队${Math.floor(index / 20)}`,
  weight: 1,
}));
const ROW_COUNT = 64;
const LAST_ROW = 'rep:r59';

function Harness({
  plan,
  onCommit,
}: {
  plan: TargetPlan;
  onCommit: (cell: CellRef, value: number) => Promise<boolean>;
}) {
  const [selected, setSelected] = useState<CellRef | null>(null);
  return (
    <PlanGrid
      plan={plan}
      selected={selected}
      readOnly={false}
      onSelect={setSelected}
      onCommit={onCommit}
      onInvalidEntry={() => undefined}
      onToggleLock={() => undefined}
    />
  );
}

async function renderGrid(onCommit = vi.fn(() => Promise.resolve(true))) {
  const i18n = initI18n('en');
  await i18n.changeLanguage('en');
  const plan = buildPlan({ people: SIXTY_REPS });
  render(
    <MantineProvider env="test">
      <Harness plan={plan} onCommit={onCommit} />
    </MantineProvider>,
  );
  return { grid: screen.getByRole('grid'), onCommit };
}

function mountedRowIndexes(grid: HTMLElement): number[] {
  return within(grid)
    .getAllByRole('row')
    .map((row) => Number(row.getAttribute('aria-rowindex')) - 2)
    .filter((index) => index >= 0);
}

function cell(row: string, column: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-cell="${row}|${column}"]`);
}

function scrollTo(grid: HTMLElement, top: number): void {
  grid.scrollTop = top;
  fireEvent.scroll(grid);
}

describe('PlanGrid', () => {
  it('mounts only the rows in view and counts every row for screen readers', async () => {
    const { grid } = await renderGrid();

    const indexes = mountedRowIndexes(grid);
    expect(indexes[0]).toBe(0);
    expect(indexes.length).toBeLessThanOrEqual(INITIAL_VISIBLE_ROWS + 10);
    expect(cell(LAST_ROW, 'year')).toBeNull();
    expect(grid).toHaveAttribute('aria-rowcount', String(ROW_COUNT + 1));
    expect(within(grid).getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
  });

  it('mounts the rows at the scroll offset, each placed at its own height', async () => {
    const { grid } = await renderGrid();

    scrollTo(grid, 50 * GRID_ROW_HEIGHT);

    await waitFor(() => expect(cell('rep:r44', 'year')).not.toBeNull());
    const indexes = mountedRowIndexes(grid);
    expect(Math.min(...indexes)).toBeGreaterThan(30);
    expect(Math.max(...indexes)).toBe(ROW_COUNT - 1);
    expect(cell('company', 'year')).toBeNull();
    const row = cell('rep:r44', 'year')?.closest('[role=row]');
    expect(row).toHaveAttribute('aria-rowindex', '50');
    expect(row).toHaveStyle({ transform: `translateY(${48 * GRID_ROW_HEIGHT}px)` });
  });

  it('scrolls to the last row and focuses its last cell on Ctrl+End', async () => {
    const user = userEvent.setup();
    const { grid } = await renderGrid();

    await user.click(cell('company', 'year') as HTMLElement);
    await user.keyboard('{Control>}{End}{/Control}');

    await waitFor(() => expect(cell(LAST_ROW, 'm12')).toHaveFocus());
    expect(grid.scrollTop).toBe(
      ROW_COUNT * GRID_ROW_HEIGHT - INITIAL_VISIBLE_ROWS * GRID_ROW_HEIGHT,
    );
    expect(cell(LAST_ROW, 'm12')).toHaveAttribute('aria-selected', 'true');
  });

  it('scrolls one row down when the arrow key leaves the rows in view', async () => {
    const user = userEvent.setup();
    const { grid } = await renderGrid();
    const lastInView = 'rep:r9'; // row 11: company, team, r0…r9

    await user.click(cell(lastInView, 'q1') as HTMLElement);
    expect(grid.scrollTop).toBe(0);
    await user.keyboard('{ArrowDown}');

    await waitFor(() => expect(cell('rep:r10', 'q1')).toHaveFocus());
    expect(grid.scrollTop).toBe(GRID_ROW_HEIGHT);
  });

  it('moves a page of rows with Page Down and back with Page Up', async () => {
    const user = userEvent.setup();
    await renderGrid();

    await user.click(cell('company', 'm1') as HTMLElement);
    await user.keyboard('{PageDown}{PageDown}');
    // Rows 0 → 12 → 24: r21 is row 24 (the second team's row sits at 22).
    await waitFor(() => expect(cell('rep:r21', 'm1')).toHaveFocus());

    await user.keyboard('{PageUp}');
    await waitFor(() => expect(cell('rep:r10', 'm1')).toHaveFocus());
  });

  it('keeps an open edit while the grid scrolls and commits it afterwards', async () => {
    const user = userEvent.setup();
    const { grid, onCommit } = await renderGrid();

    await user.click(cell('rep:r0', 'm1') as HTMLElement);
    await user.keyboard('12345');
    scrollTo(grid, 50 * GRID_ROW_HEIGHT);
    await waitFor(() => expect(cell('rep:r44', 'year')).not.toBeNull());

    const editor = within(cell('rep:r0', 'm1') as HTMLElement).getByRole('textbox');
    expect(editor).toHaveValue('12345');
    expect(editor).toHaveFocus();
    await user.keyboard('6{Enter}');

    expect(onCommit).toHaveBeenCalledWith({ row: 'rep:r0', column: 'm1' }, 123_456);
  });
});
