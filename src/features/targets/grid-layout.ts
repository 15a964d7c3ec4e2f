/**
 * Geometry of the targets grid. Every row has one fixed height, so the rows
 * in view follow from the scroll offset alone, and every column has a fixed
 * minimum width, so columns keep their widths whichever rows are mounted.
 */
import { GRID_COLUMNS } from './plan-grid';
import type { ColumnKey } from './target-plan.types';

/** Height of a grid row in px, borders included. */
export const GRID_ROW_HEIGHT = 32;

const NAME_WIDTH = 180;
// Wide enough for 999,999,999 in bold with a lock icon.
const TOTAL_WIDTH = 124;
const MONTH_WIDTH = 108;
// Width of one character of a bold tabular figure at the grid's font size, and of the
// lock icon with the cell's padding, in px.
const CHARACTER_WIDTH = 8;
const CELL_EXTRA_WIDTH = 30;

/** Geometry of the value columns for one plan. */
export interface GridLayout {
  /** CSS grid template shared by the header and every row: name, then the value columns. */
  template: string;
  /** Smallest width of a row in px. Wider screens share the extra width out evenly. */
  minWidth: number;
}

/**
 * Returns the columns' widths for a plan whose largest cell (the company's
 * year) is `largest`. Columns widen for figures that would not fit, so no
 * cell cuts off its leading digits.
 */
export function gridLayout(largest: number): GridLayout {
  const digits = String(Math.max(0, Math.trunc(largest))).length;
  const characters = digits + Math.floor((digits - 1) / 3);
  const needed = characters * CHARACTER_WIDTH + CELL_EXTRA_WIDTH;
  const widthOf = (column: ColumnKey) =>
    Math.max(column.startsWith('m') ? MONTH_WIDTH : TOTAL_WIDTH, needed);

  return {
    template: [
      `${NAME_WIDTH}px`,
      ...GRID_COLUMNS.map((column) => `minmax(${widthOf(column)}px, 1fr)`),
    ].join(' '),
    minWidth: GRID_COLUMNS.reduce((sum, column) => sum + widthOf(column), NAME_WIDTH),
  };
}
