import { Table, Text, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import classes from './PlanGrid.module.css';
import { isCellLocked } from './plan-edit';
import {
  activeFractionsByRow,
  computeGrid,
  GRID_COLUMNS,
  monthsUnder,
  type GridRow,
} from './plan-grid';
import type { CellRef, ColumnKey, TargetPlan } from './target-plan.types';

export interface PlanGridProps {
  plan: TargetPlan;
  selected: CellRef | null;
  readOnly: boolean;
  onSelect: (cell: CellRef) => void;
  /**
   * Called with a whole, non-negative value; resolves to false when the plan
   * rejected it or the edit failed. Until it resolves the cell shows the new
   * value as pending, and other cells can be edited.
   */
  onCommit: (cell: CellRef, value: number) => Promise<boolean>;
  /** Called when focus leaves an editor whose text is not a whole number; the cell keeps its value. */
  onInvalidEntry: (cell: CellRef, text: string) => void;
  onToggleLock: (cell: CellRef) => void;
}

/** Label of a grid row: the company, a team (or "no team") or a rep's name. */
export function useRowLabel(): (row: GridRow) => string {
  const { t } = useTranslation('targets');
  return (row) => {
    if (row.kind === 'company') return t('grid.company');
    if (row.kind === 'team' && row.label === '') return t('grid.noTeam');
    return row.label;
  };
}

/** Reads typed text as a whole number: digits with optional thousands separators. */
export function parseWholeNumber(text: string): number | null {
  const cleaned = text.replace(/[,\s，¥￥]/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * The plan as an editable grid (WAI-ARIA grid pattern): arrow keys move
 * between cells, Enter or F2 or a digit edits, Enter commits, Escape
 * cancels, L locks or unlocks. Moving focus out of an editor (clicking
 * another cell, Tab) commits it as a spreadsheet does. Totals are sums of
 * the cells under them.
 */
export function PlanGrid({
  plan,
  selected,
  readOnly,
  onSelect,
  onCommit,
  onInvalidEntry,
  onToggleLock,
}: PlanGridProps) {
  const { t } = useTranslation('targets');
  const format = useFormat();
  const rowLabel = useRowLabel();
  const grid = useMemo(() => computeGrid(plan), [plan]);
  const fractions = useMemo(() => activeFractionsByRow(plan), [plan]);
  // `replace` is true when editing starts with the cell's value, which the first key press replaces;
  // editing started by typing a digit keeps that digit.
  const [editing, setEditing] = useState<{
    cell: CellRef;
    text: string;
    error: boolean;
    replace: boolean;
  } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  // The edit that a blur may still commit. Enter and Escape clear it before they move focus,
  // so the blur they cause neither commits twice nor commits a cancelled edit.
  const openEditRef = useRef<CellRef | null>(null);
  // Values sent but not yet applied or rejected, by cell id, shown in place of the plan's value.
  const [pending, setPending] = useState<ReadonlyMap<string, number>>(new Map());

  const columnLabel = (column: ColumnKey) => t(`columns.${column}`);
  const cellId = (cell: CellRef) => `${cell.row}|${cell.column}`;

  // Moves focus to the selected cell when the selection changes from the keyboard.
  useEffect(() => {
    if (!selected || editing) return;
    const element = tableRef.current?.querySelector<HTMLElement>(
      `[data-cell="${CSS.escape(cellId(selected))}"]`,
    );
    if (element && tableRef.current?.contains(document.activeElement)) element.focus();
  }, [selected, editing]);

  const isInactive = (row: GridRow, column: ColumnKey): boolean =>
    row.leaves.every((leaf) =>
      monthsUnder(column).every((month) => (fractions.get(leaf)?.[month] ?? 1) === 0),
    );

  const startEdit = (cell: CellRef, text?: string) => {
    if (readOnly) return;
    const current = grid.find(({ row }) => row.key === cell.row)?.cells[cell.column] ?? 0;
    openEditRef.current = cell;
    setEditing({ cell, text: text ?? String(current), error: false, replace: text === undefined });
  };

  const focusCell = (cell: CellRef) => {
    tableRef.current
      ?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(cellId(cell))}"]`)
      ?.focus();
  };

  const closeEditor = () => {
    openEditRef.current = null;
    setEditing(null);
  };

  // Sends the value and shows it as pending until the edit is applied or rejected. A rejected value reopens the
  // editor with the typed text, unless the user has moved on to another cell meanwhile.
  const send = (cell: CellRef, value: number, text: string) => {
    const id = cellId(cell);
    setPending((current) => new Map(current).set(id, value));
    void onCommit(cell, value).then((accepted) => {
      setPending((current) => {
        const next = new Map(current);
        next.delete(id);
        return next;
      });
      const element = tableRef.current?.querySelector(`[data-cell="${CSS.escape(id)}"]`);
      if (!accepted && openEditRef.current === null && element === document.activeElement) {
        openEditRef.current = cell;
        setEditing({ cell, text, error: true, replace: false });
      }
    });
  };

  const commit = () => {
    if (!editing) return;
    const value = parseWholeNumber(editing.text);
    if (value === null) {
      setEditing({ ...editing, error: true });
      return;
    }
    closeEditor();
    focusCell(editing.cell);
    send(editing.cell, value, editing.text);
  };

  // Focus left the editor: an unchanged value only closes it, a new whole number is committed
  // (a rejected one leaves the cell as it was and the screen shows why), other text is reported.
  const commitOnBlur = () => {
    if (!editing || openEditRef.current !== editing.cell) return;
    closeEditor();

    const current = grid.find(({ row }) => row.key === editing.cell.row)?.cells[
      editing.cell.column
    ];
    const value = parseWholeNumber(editing.text);
    if (value === null) {
      if (editing.text.trim() !== '') onInvalidEntry(editing.cell, editing.text);
      return;
    }
    if (value !== current) send(editing.cell, value, editing.text);
  };

  const move = (rowIndex: number, columnIndex: number) => {
    const row = grid[Math.max(0, Math.min(grid.length - 1, rowIndex))]?.row;
    const column = GRID_COLUMNS[Math.max(0, Math.min(GRID_COLUMNS.length - 1, columnIndex))];
    if (row && column) onSelect({ row: row.key, column });
  };

  const onCellKeyDown = (
    event: KeyboardEvent,
    rowIndex: number,
    columnIndex: number,
    cell: CellRef,
  ) => {
    const keyMoves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = keyMoves[event.key];
    if (step) {
      event.preventDefault();
      move(rowIndex + step[0], columnIndex + step[1]);
    } else if (event.key === 'Home') {
      event.preventDefault();
      move(rowIndex, 0);
    } else if (event.key === 'End') {
      event.preventDefault();
      move(rowIndex, GRID_COLUMNS.length - 1);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(cell);
    } else if (/^[0-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      startEdit(cell, event.key);
    } else if ((event.key === 'l' || event.key === 'L') && !readOnly) {
      event.preventDefault();
      onToggleLock(cell);
    }
  };

  return (
    <Table.ScrollContainer minWidth={1400} type="native">
      <Table
        ref={tableRef}
        role="grid"
        aria-label={t('grid.label', { name: plan.name })}
        aria-readonly={readOnly}
        aria-busy={pending.size > 0 || undefined}
        className={classes.grid}
        withTableBorder
        withColumnBorders
        stickyHeader
        verticalSpacing={4}
        horizontalSpacing={6}
      >
        <Table.Thead>
          <Table.Tr role="row">
            <Table.Th role="columnheader" className={classes.nameColumn}>
              {t('grid.rowHeader')}
            </Table.Th>
            {GRID_COLUMNS.map((column) => (
              <Table.Th
                key={column}
                role="columnheader"
                className={column.startsWith('m') ? classes.monthHeader : classes.totalHeader}
              >
                {columnLabel(column)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grid.map(({ row, cells }, rowIndex) => (
            <Table.Tr key={row.key} role="row" className={classes[`level${row.level}`]}>
              <Table.Th role="rowheader" scope="row" className={classes.nameColumn}>
                <Text span inherit pl={row.level * 16}>
                  {rowLabel(row)}
                </Text>
              </Table.Th>
              {GRID_COLUMNS.map((column, columnIndex) => {
                const cell = { row: row.key, column };
                const isSelected = selected?.row === row.key && selected.column === column;
                const locked = isCellLocked(plan, cell);
                const inactive = isInactive(row, column);
                const isEditing = editing?.cell.row === row.key && editing.cell.column === column;
                const pendingValue = pending.get(cellId(cell));
                const label = `${rowLabel(row)} · ${columnLabel(column)}`;

                return (
                  <Table.Td
                    key={column}
                    role="gridcell"
                    data-cell={cellId(cell)}
                    data-locked={locked || undefined}
                    data-inactive={inactive || undefined}
                    data-pending={pendingValue !== undefined || undefined}
                    aria-label={label}
                    aria-selected={isSelected}
                    aria-readonly={readOnly || inactive || undefined}
                    tabIndex={
                      isSelected || (!selected && rowIndex === 0 && columnIndex === 0) ? 0 : -1
                    }
                    className={[
                      classes.cell,
                      column.startsWith('m') ? classes.month : classes.total,
                      isSelected ? classes.selected : '',
                      locked ? classes.locked : '',
                      inactive ? classes.inactive : '',
                      pendingValue !== undefined ? classes.pending : '',
                    ].join(' ')}
                    onClick={() => onSelect(cell)}
                    onDoubleClick={() => !inactive && startEdit(cell)}
                    onKeyDown={(event) =>
                      !isEditing && onCellKeyDown(event, rowIndex, columnIndex, cell)
                    }
                  >
                    {isEditing ? (
                      <input
                        className={classes.editor}
                        aria-label={t('grid.editLabel', { cell: label })}
                        aria-invalid={editing.error || undefined}
                        value={editing.text}
                        inputMode="numeric"
                        // The editor opens on a deliberate key press or double click.
                        autoFocus
                        onFocus={(event) => {
                          const input = event.currentTarget;
                          if (editing.replace) input.select();
                          else input.setSelectionRange(input.value.length, input.value.length);
                        }}
                        onChange={(event) =>
                          setEditing({ ...editing, text: event.currentTarget.value, error: false })
                        }
                        onBlur={commitOnBlur}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter') {
                            event.preventDefault();
                            commit();
                          } else if (event.key === 'Escape') {
                            event.preventDefault();
                            closeEditor();
                            focusCell(cell);
                          }
                        }}
                      />
                    ) : inactive ? (
                      <Tooltip label={t('grid.inactive')} openDelay={400}>
                        <span>—</span>
                      </Tooltip>
                    ) : (
                      <span className={classes.value}>
                        {locked && (
                          <IconLock
                            size={12}
                            aria-label={t('grid.locked')}
                            className={classes.lockIcon}
                          />
                        )}
                        {format.number(pendingValue ?? cells[column])}
                      </span>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
