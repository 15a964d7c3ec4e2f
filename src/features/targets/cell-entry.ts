/**
 * Reading what a manager types into a grid cell. The text is read as the
 * deals import reads amounts (`readAmountCell`): thousands separators,
 * full-width digits, `¥`, and the suffixes 万 (10⁴) and 亿 (10⁸), so
 * `12万` is 120,000.
 */
import { readAmountCell } from './cell-values';

/** The reason typed text is not a value a cell can take. */
export type CellEntryError = 'not-a-number' | 'negative' | 'fraction' | 'too-large';

export type CellEntry = { ok: true; value: number } | { ok: false; error: CellEntryError };

/** Reads typed text as a whole, non-negative number within JavaScript's exact integers. */
export function readCellEntry(text: string): CellEntry {
  const amount = readAmountCell(text);
  if (amount === null) return { ok: false, error: 'not-a-number' };
  if (amount < 0) return { ok: false, error: 'negative' };
  if (!Number.isInteger(amount)) return { ok: false, error: 'fraction' };
  if (!Number.isSafeInteger(amount)) return { ok: false, error: 'too-large' };
  return { ok: true, value: amount };
}
