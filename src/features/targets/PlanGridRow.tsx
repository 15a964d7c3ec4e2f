import { Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { memo, type KeyboardEvent } from 'react';
import { GRID_ROW_HEIGHT } from './grid-layout';
import classes from './PlanGrid.module.css';
import { cellKey, GRID_COLUMNS } from './plan-grid';
import type { CellRef, ColumnKey } from './target-plan.types';

/** The open editor of a row: the column, the typed text and whether it was refused. */
export interface RowEdit {
  column: ColumnKey;
  text: string;
  error: boolean;
  /** True when editing started with the cell's value, which the first key press replaces. */
  replace: boolean;
}

/** Texts every row shows, made once per language rather than once per cell. */
export interface PlanGridLabels {
  /** Column headers in `GRID_COLUMNS` order. */
  columns: readonly string[];
  locked: string;
  inactive: string;
  /** Accessible name of a cell's editor. */
  editor: (cellLabel: string) => string;
}

/** Callbacks from a row to the grid, in one stable object so that they never make a row render again. */
export interface PlanGridRowActions {
  select: (cell: CellRef) => void;
  startEdit: (cell: CellRef) => void;
  cellKeyDown: (event: KeyboardEvent, rowIndex: number, columnIndex: number, cell: CellRef) => void;
  changeEdit: (text: string) => void;
  blurEdit: () => void;
  editorKeyDown: (event: KeyboardEvent<HTMLInputElement>, cell: CellRef) => void;
}

export interface PlanGridRowProps {
  rowKey: string;
  label: string;
  /** 0 for the company, 1 for a team, 2 for a rep. */
  level: 0 | 1 | 2;
  /** Position among the grid's rows, 0 for the company. */
  index: number;
  /** Each column's value, in `GRID_COLUMNS` order. */
  values: readonly number[];
  /** Values sent but not yet applied, in `GRID_COLUMNS` order; null when none. */
  pending: readonly (number | undefined)[] | null;
  /** Bit `i` set when column `GRID_COLUMNS[i]` is locked. */
  lockedMask: number;
  /** Bit `i` set when no rep under the row is employed in column `GRID_COLUMNS[i]`. */
  inactiveMask: number;
  selectedColumn: ColumnKey | null;
  /** The column whose cell takes Tab focus, if it is in this row. */
  tabbableColumn: ColumnKey | null;
  edit: RowEdit | null;
  readOnly: boolean;
  formatNumber: (value: number) => string;
  labels: PlanGridLabels;
  actions: PlanGridRowActions;
}

/**
 * One row of the targets grid, placed at its own height. It renders again
 * only when one of its own values, locks, marks or its editor changes, so a
 * re-spread that changes every value costs one render per mounted row.
 */
export const PlanGridRow = memo(function PlanGridRow({
  rowKey,
  label,
  level,
  index,
  values,
  pending,
  lockedMask,
  inactiveMask,
  selectedColumn,
  tabbableColumn,
  edit,
  readOnly,
  formatNumber,
  labels,
  actions,
}: PlanGridRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`${classes.row} ${classes[`level${level}`]}`}
      style={{
        height: GRID_ROW_HEIGHT,
        transform: `translateY(${index * GRID_ROW_HEIGHT}px)`,
      }}
    >
      <div role="rowheader" className={classes.nameCell}>
        <span className={classes.name} style={{ paddingLeft: level * 16 }}>
          {label}
        </span>
      </div>
      {GRID_COLUMNS.map((column, columnIndex) => {
        const cell = { row: rowKey, column };
        const isSelected = selectedColumn === column;
        const locked = (lockedMask & (1 << columnIndex)) !== 0;
        const inactive = (inactiveMask & (1 << columnIndex)) !== 0;
        const pendingValue = pending?.[columnIndex];
        const cellLabel = `${label} · ${labels.columns[columnIndex] ?? column}`;

        return (
          <div
            key={column}
            role="gridcell"
            data-cell={cellKey(cell)}
            data-locked={locked || undefined}
            data-inactive={inactive || undefined}
            data-pending={pendingValue !== undefined || undefined}
            aria-label={cellLabel}
            aria-selected={isSelected}
            aria-readonly={readOnly || inactive || undefined}
            tabIndex={tabbableColumn === column ? 0 : -1}
            className={[
              classes.cell,
              column.startsWith('m') ? classes.month : classes.total,
              isSelected ? classes.selected : '',
              locked ? classes.locked : '',
              inactive ? classes.inactive : '',
              pendingValue !== undefined ? classes.pending : '',
            ].join(' ')}
            onClick={() => actions.select(cell)}
            onDoubleClick={() => !inactive && actions.startEdit(cell)}
            onKeyDown={(event) =>
              edit?.column !== column && actions.cellKeyDown(event, index, columnIndex, cell)
            }
          >
            {edit?.column === column ? (
              <input
                className={classes.editor}
                aria-label={labels.editor(cellLabel)}
                aria-invalid={edit.error || undefined}
                value={edit.text}
                inputMode="numeric"
                // The editor opens on a deliberate key press or double click.
                autoFocus
                onFocus={(event) => {
                  const input = event.currentTarget;
                  if (edit.replace) input.select();
                  else input.setSelectionRange(input.value.length, input.value.length);
                }}
                onChange={(event) => actions.changeEdit(event.currentTarget.value)}
                onBlur={actions.blurEdit}
                onKeyDown={(event) => actions.editorKeyDown(event, cell)}
              />
            ) : inactive ? (
              <Tooltip label={labels.inactive} openDelay={400}>
                <span>—</span>
              </Tooltip>
            ) : (
              <span className={classes.value}>
                {locked && (
                  <IconLock size={12} aria-label={labels.locked} className={classes.lockIcon} />
                )}
                {formatNumber(pendingValue ?? values[columnIndex] ?? 0)}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}, sameRowProps);

function sameRowProps(before: PlanGridRowProps, after: PlanGridRowProps): boolean {
  for (const key of Object.keys(after) as (keyof PlanGridRowProps)[]) {
    if (key === 'values' || key === 'pending') {
      if (!sameNumbers(before[key], after[key])) return false;
    } else if (before[key] !== after[key]) {
      return false;
    }
  }
  return true;
}

function sameNumbers(
  before: readonly (number | undefined)[] | null,
  after: readonly (number | undefined)[] | null,
): boolean {
  if (before === after) return true;
  if (!before || !after || before.length !== after.length) return false;
  return before.every((value, index) => value === after[index]);
}
