/** Rows looked at when searching for the header row. */
export const HEADER_SEARCH_ROWS = 100;

/** Longest text a header cell can have; longer cells are instructions. */
const MAX_HEADER_CELL_LENGTH = 60;

const NUMBER_OR_DATE = /^[+-]?[\d,.\s:/年月日-]+%?$/;

/** A row as header detection sees it: trimmed cells and its row number. */
export interface HeaderCandidateRow {
  row: number;
  cells: readonly string[];
}

/**
 * Finds the header row among the first rows of a table, skipping what
 * spreadsheets put above it: instruction notes in one merged cell, titles,
 * export banners, preamble lines and blank rows. The header is the first row
 * that fills at least half as many cells as the fullest row (and at least two
 * when any row has two), whose filled cells are mostly text rather than
 * numbers or dates, mostly distinct, and short. Returns the row number, or
 * null when no row qualifies.
 */
export function detectHeaderRow(rows: readonly HeaderCandidateRow[]): number | null {
  const sample = rows.slice(0, HEADER_SEARCH_ROWS);
  const filled = sample.map((row) => row.cells.filter((cell) => cell !== ''));
  const widest = Math.max(0, ...filled.map((cells) => cells.length));
  if (widest === 0) return null;

  const minimumFilled = Math.max(widest >= 2 ? 2 : 1, Math.ceil(widest / 2));
  for (let i = 0; i < sample.length; i++) {
    const cells = filled[i] as string[];
    if (cells.length >= minimumFilled && looksLikeHeader(cells)) {
      return (sample[i] as HeaderCandidateRow).row;
    }
  }
  return null;
}

function looksLikeHeader(cells: readonly string[]): boolean {
  const textCells = cells.filter((cell) => !NUMBER_OR_DATE.test(cell));
  const distinct = new Set(cells).size;
  const short = cells.filter((cell) => cell.length <= MAX_HEADER_CELL_LENGTH).length;
  return (
    textCells.length >= cells.length * 0.6 &&
    distinct >= cells.length * 0.8 &&
    short >= cells.length * 0.8
  );
}
