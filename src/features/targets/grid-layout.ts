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
// Wide enough for ¥999,999,999 in bold with a lock icon.
const TOTAL_WIDTH = 124;
const MONTH_WIDTH = 108;

function columnWidth(column: ColumnKey): number {
  return column.startsWith('m') ? MONTH_WIDTH : TOTAL_WIDTH;
}

/** CSS grid template shared by the header and every row: name, then the value columns. */
export const GRID_TEMPLATE = [
  `${NAME_WIDTH}px`,
  ...GRID_COLUMNS.map((column) => `minmax(${columnWidth(column)}px, 1fr)`),
].join(' ');

/** Smallest width of a row in px; wider screens share the extra width out evenly. */
export const GRID_MIN_WIDTH = GRID_COLUMNS.reduce(
  (sum, column) => sum + columnWidth(column),
  NAME_WIDTH,
);
