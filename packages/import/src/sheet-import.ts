import type { RawRow } from './csv-tokenizer.js';
import { detectHeaderRow } from './header-detect.js';
import {
  TableBuilder,
  type ImportRow,
  type TableOptions,
  type TableSummary,
} from './table-builder.js';
import { columnLetter } from './table-builder.js';
import { readSheetGrid, type MergedRange } from './workbook-reader.js';

/** Options of a workbook import. */
export interface SheetImportOptions extends TableOptions {
  /** Sheet name, or 0-based index; default the first sheet with data. */
  sheet?: string | number;
  /**
   * `'fill'` (default): a vertically merged cell below the header gives its
   * value to every row it covers, as the sheet shows it; `'keep'`: only the
   * first row of the merge has the value. Merged header cells are always
   * filled across.
   */
  mergedCells?: 'fill' | 'keep';
}

/** Sheet, merge and table details of a workbook import. */
export interface SheetImportSummary extends TableSummary {
  sheet: { name: string; names: string[] };
  /** Cells given a value by filling merged ranges down. */
  filledMergedCells: number;
}

/**
 * Reads one sheet of an XLSX or XLS workbook into records: the header is
 * detected on the raw cells (so a merged instruction row counts as one
 * filled cell), then merged ranges are filled and the rows run through the
 * same table rules as a text file.
 */
export function importSheet(
  bytes: Uint8Array,
  options: SheetImportOptions = {},
): { rows: ImportRow[]; summary: SheetImportSummary } {
  const grid = readSheetGrid(bytes, options.sheet);
  const requested = options.headerRow ?? 'auto';
  const detected = requested === 'auto' ? detectHeaderRow(grid.rows) : null;
  const headerRow = detected ?? requested;
  const filled =
    typeof headerRow === 'number'
      ? applyMerges(grid.rows, grid.merges, headerRow, options.mergedCells ?? 'fill')
      : { rows: grid.rows, filledCells: 0 };

  const table = new TableBuilder(
    { ...options, headerRow },
    { reportRaggedRows: false, columnLetters: true },
  );
  const rows: ImportRow[] = [];
  for (const raw of filled.rows) {
    for (const row of table.push(raw)) rows.push(row);
  }
  rows.push(...table.finish());
  for (const error of grid.cellErrors) {
    table.issueCollector.add({
      code: 'cell-error',
      row: error.row,
      column: columnLetter(error.column),
      value: error.text,
    });
  }

  return {
    rows,
    summary: {
      ...table.summary(),
      ...(detected !== null ? { headerDetected: true } : {}),
      sheet: { name: grid.sheetName, names: grid.sheetNames },
      filledMergedCells: filled.filledCells,
    },
  };
}

/**
 * Fills merged ranges: across the header row for merges that start in it,
 * and down the first column of merges that start below it. Rows the grid
 * lacks (blank in the sheet) but that a merge covers are created.
 */
function applyMerges(
  rows: readonly RawRow[],
  merges: readonly MergedRange[],
  headerRow: number,
  mode: 'fill' | 'keep',
): { rows: RawRow[]; filledCells: number } {
  const byRow = new Map<number, RawRow>(
    rows.map((row) => [row.row, { row: row.row, cells: [...row.cells] }]),
  );
  const cellsOf = (rowNumber: number): string[] => {
    let row = byRow.get(rowNumber);
    if (!row) {
      row = { row: rowNumber, cells: [] };
      byRow.set(rowNumber, row);
    }
    return row.cells;
  };
  const headerIndex = headerRow - 1;
  let filledCells = 0;

  for (const merge of merges) {
    const anchorRow = byRow.get(merge.s.r + 1);
    const value = anchorRow?.cells[merge.s.c] ?? '';
    if (value === '') continue;

    if (merge.s.r === headerIndex) {
      const header = cellsOf(headerRow);
      for (let column = merge.s.c + 1; column <= merge.e.c; column++) {
        if ((header[column] ?? '') === '') header[column] = value;
      }
    } else if (merge.s.r > headerIndex && mode === 'fill') {
      for (let rowIndex = merge.s.r + 1; rowIndex <= merge.e.r; rowIndex++) {
        const cells = cellsOf(rowIndex + 1);
        if ((cells[merge.s.c] ?? '') === '') {
          padTo(cells, merge.s.c);
          cells[merge.s.c] = value;
          filledCells++;
        }
      }
    }
  }
  return { rows: [...byRow.values()].sort((a, b) => a.row - b.row), filledCells };
}

function padTo(cells: string[], index: number): void {
  while (cells.length < index) cells.push('');
}
