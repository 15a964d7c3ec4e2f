import {
  FIELD_KEYWORDS,
  FIELD_SYNONYMS,
  GENERIC_PHONE_SYNONYMS,
  LANDLINE_SYNONYMS,
  normaliseHeader,
} from './field-synonyms.js';

/** Rows looked at when searching for the header row. */
export const HEADER_SEARCH_ROWS = 100;

/** Longest text a header cell can have; longer cells are instructions. */
const MAX_HEADER_CELL_LENGTH = 60;

const NUMBER_OR_DATE = /^[+-]?[\d,.\s:/年月日-]+%?$/;

/** Every whole header name in the synonym lists, in normalised form. */
const KNOWN_HEADER_NAMES = new Set<string>([
  ...Object.values(FIELD_SYNONYMS).flat(),
  ...GENERIC_PHONE_SYNONYMS,
  ...LANDLINE_SYNONYMS,
]);
const HEADER_KEYWORDS = FIELD_KEYWORDS.flatMap(([, keywords]) => keywords);

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
 * numbers or dates, short, and either mostly distinct or header-like: half of
 * them known column names, or text above a column whose next row holds a
 * number or date. So a header that repeats a name (`电话,电话`) is still found.
 * Returns the row number, or null when no row qualifies.
 */
export function detectHeaderRow(rows: readonly HeaderCandidateRow[]): number | null {
  const sample = rows.slice(0, HEADER_SEARCH_ROWS);
  const filled = sample.map((row) => row.cells.filter((cell) => cell !== ''));
  const widest = Math.max(0, ...filled.map((cells) => cells.length));
  if (widest === 0) return null;

  const minimumFilled = Math.max(widest >= 2 ? 2 : 1, Math.ceil(widest / 2));
  for (let i = 0; i < sample.length; i++) {
    const cells = filled[i] as string[];
    const candidate = sample[i] as HeaderCandidateRow;
    if (cells.length < minimumFilled || !looksLikeHeader(cells)) continue;

    const below = sample.slice(i + 1).find((row) => row.cells.some((cell) => cell !== ''));
    if (new Set(cells).size >= cells.length * 0.8 || isHeaderLike(candidate, cells, below)) {
      return candidate.row;
    }
  }
  return null;
}

function looksLikeHeader(cells: readonly string[]): boolean {
  const textCells = cells.filter((cell) => !NUMBER_OR_DATE.test(cell));
  const short = cells.filter((cell) => cell.length <= MAX_HEADER_CELL_LENGTH).length;
  return textCells.length >= cells.length * 0.6 && short >= cells.length * 0.8;
}

/**
 * Evidence that a row with repeated cells is a header after all: at least
 * half its filled cells are names from the synonym lists, or one of its text
 * cells stands above a number or date in the next non-blank row.
 */
function isHeaderLike(
  candidate: HeaderCandidateRow,
  cells: readonly string[],
  below: HeaderCandidateRow | undefined,
): boolean {
  if (new Set(cells).size < 2) return false;

  const known = cells.filter(isKnownHeaderName).length;
  if (known >= cells.length * 0.5) return true;
  if (!below) return false;

  return candidate.cells.some((cell, index) => {
    const next = below.cells[index] ?? '';
    return cell !== '' && !NUMBER_OR_DATE.test(cell) && next !== '' && NUMBER_OR_DATE.test(next);
  });
}

function isKnownHeaderName(cell: string): boolean {
  const name = normaliseHeader(cell);
  if (KNOWN_HEADER_NAMES.has(name)) return true;
  return /[\u4e00-\u9fff]/.test(name) && HEADER_KEYWORDS.some((keyword) => name.includes(keyword));
}
