import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { INITIAL_VISIBLE_ROWS } from '../../app/useFixedRowWindow';
import { initI18n } from '../../i18n/i18n';
import { emptyDraft, repFromDraft, type StoredRep } from './rep-draft';
import { REP_ROW_HEIGHT, RepTable } from './RepTable';

function team(count: number): StoredRep[] {
  return Array.from({ length: count }, (_, index) => ({
    ...repFromDraft({ ...emptyDraft(`r${index}`, `团队${index % 25}`), name: `销售${index}` }, 1),
    ...(index % 7 === 0 ? { active: false } : {}),
  }));
}

async function renderTable(reps: StoredRep[], resetKey = '') {
  const i18n = initI18n('en');
  await i18n.changeLanguage('en');
  const handlers = { onEdit: vi.fn(), onToggleActive: vi.fn(), onDelete: vi.fn() };
  const view = (key: string) => (
    <MantineProvider env="test">
      <RepTable reps={reps} resetKey={key} {...handlers} />
    </MantineProvider>
  );
  const result = render(view(resetKey));
  return { ...handlers, rerender: (key: string) => result.rerender(view(key)) };
}

function mountedIndexes(): number[] {
  return screen
    .getAllByTestId('rep-row')
    .map((row) => Number(row.getAttribute('aria-rowindex')) - 2);
}

function scrollTo(index: number): HTMLElement {
  const scroller = screen.getByTestId('rep-table');
  scroller.scrollTop = index * REP_ROW_HEIGHT;
  fireEvent.scroll(scroller);
  return scroller;
}

describe('RepTable', () => {
  it('mounts only the first screenful of 500 reps', async () => {
    await renderTable(team(500));

    const indexes = mountedIndexes();
    expect(indexes[0]).toBe(0);
    expect(indexes.length).toBeLessThanOrEqual(INITIAL_VISIBLE_ROWS + 6);
    expect(screen.queryByText('销售400')).not.toBeInTheDocument();
    expect(screen.getByRole('rowgroup')).toHaveStyle({ height: `${500 * REP_ROW_HEIGHT}px` });
  });

  it('counts every rep and the header in its table semantics', async () => {
    await renderTable(team(500));

    const table = screen.getByRole('table', { name: 'Reps' });
    expect(table).toHaveAttribute('aria-rowcount', '501');
    expect(within(table).getAllByRole('columnheader')).toHaveLength(9);
    expect(within(table).getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
    expect(screen.getByText('销售3').closest('[role=row]')).toHaveAttribute('aria-rowindex', '5');
    expect(
      within(screen.getByText('销售3').closest('[role=row]') as HTMLElement).getAllByRole('cell'),
    ).toHaveLength(9);
  });

  it('mounts the reps at the scroll offset, each at its own height', async () => {
    await renderTable(team(500));

    scrollTo(300);

    const row = (await screen.findByText('销售300')).closest('[role=row]');
    expect(row).toHaveStyle({ transform: `translateY(${300 * REP_ROW_HEIGHT}px)` });
    expect(row).toHaveAttribute('aria-rowindex', '302');
    const indexes = mountedIndexes();
    expect(Math.min(...indexes)).toBeGreaterThanOrEqual(290);
    expect(Math.max(...indexes)).toBeLessThan(320);
    expect(screen.queryByText('销售0')).not.toBeInTheDocument();
  });

  it('acts on the rep of the row whose menu was used after scrolling', async () => {
    const user = userEvent.setup();
    const reps = team(500);
    const { onEdit, onToggleActive, onDelete } = await renderTable(reps);
    scrollTo(420);

    await user.click(await screen.findByRole('button', { name: 'Actions for 销售421' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Actions for 销售427' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Activate' }));
    await user.click(screen.getByRole('button', { name: 'Actions for 销售430' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));

    expect(onDelete).toHaveBeenCalledExactlyOnceWith(reps[421]);
    expect(onToggleActive).toHaveBeenCalledExactlyOnceWith(reps[427]);
    expect(onEdit).toHaveBeenCalledExactlyOnceWith(reps[430]);
  });

  it('shows the status, capacities and team of each mounted rep', async () => {
    await renderTable([{ ...team(1)[0]!, capacity: { day: 0, month: 300 }, team: '', weight: 2 }]);

    const cells = within(screen.getByTestId('rep-row')).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent('No team');
    expect(cells[2]).toHaveTextContent('Inactive');
    expect(cells[3]).toHaveTextContent('2');
    expect(cells[4]).toHaveTextContent('0 (paused) / ∞ / 300');
  });

  it('gives a long name its full text as a tooltip', async () => {
    const name = '很长的销售姓名'.repeat(14);
    await renderTable([{ ...team(1)[0]!, name }]);

    expect(screen.getByTestId('rep-name')).toHaveAttribute('title', name);
  });

  it('scrolls to the top on a new reset key', async () => {
    const { rerender } = await renderTable(team(500), 'all');
    const scroller = scrollTo(200);

    rerender('all');
    expect(scroller.scrollTop).toBe(200 * REP_ROW_HEIGHT);

    rerender('团队3');
    expect(scroller.scrollTop).toBe(0);
  });
  it('keeps the focused row mounted when it scrolls out of view', async () => {
    await renderTable(team(500));
    const button = screen.getByRole('button', { name: 'Actions for 销售3' });
    button.focus();

    scrollTo(400);

    expect(await screen.findByText('销售400')).toBeInTheDocument();
    expect(button).toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(screen.queryByText('销售4')).not.toBeInTheDocument();
  });

  it('lets an unfocused row go when it scrolls out of view', async () => {
    await renderTable(team(500));
    const button = screen.getByRole('button', { name: 'Actions for 销售3' });
    button.focus();
    button.blur();

    scrollTo(400);

    expect(await screen.findByText('销售400')).toBeInTheDocument();
    expect(screen.queryByText('销售3')).not.toBeInTheDocument();
  });
});
