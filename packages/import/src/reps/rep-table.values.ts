import { normaliseDateText } from '../excel-date.js';

/** An inclusive range of calendar days, `YYYY-MM-DD`. */
export interface DateRange {
  from: string;
  to: string;
}

/** Result of reading one cell: the value, or the reason it could not be read. */
export type CellRead<T> = { ok: true; value: T } | { ok: false };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '在职', '启用', '有效', 't', '√']);
const FALSE_WORDS = new Set([
  'false',
  'no',
  'n',
  '0',
  '否',
  '离职',
  '停用',
  '禁用',
  '无效',
  'f',
  '×',
]);
const UNLIMITED_WORDS = new Set(['不限', '无限', '无上限', 'unlimited', 'none', '∞']);
const WHOLE_NUMBER = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const RANGE_SEPARATOR = /\s*(?:~|～|至|到|\s+to\s+)\s*/i;
const LIST_SEPARATOR = /\s*[;；,，\n]\s*/;

/** Reads the active flag: blank is active; `是/否`, `yes/no`, `true/false`, `1/0`, `在职/离职`. */
export function readActive(text: string): CellRead<boolean> {
  const word = text.trim().toLowerCase();
  if (word === '' || TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false };
}

/** Reads a weight: blank is 1; otherwise a number greater than 0. */
export function readWeight(text: string): CellRead<number> {
  const value = text.trim();
  if (value === '') return { ok: true, value: 1 };
  if (!DECIMAL.test(value) || Number(value) <= 0) return { ok: false };
  return { ok: true, value: Number(value) };
}

/**
 * Reads a capacity: blank (or `不限`, `unlimited`) is null, meaning no limit;
 * otherwise a whole number of leads, where 0 pauses the rep for that period.
 */
export function readCapacity(text: string): CellRead<number | null> {
  const value = text.trim();
  if (value === '' || UNLIMITED_WORDS.has(value.toLowerCase())) return { ok: true, value: null };
  if (!WHOLE_NUMBER.test(value)) return { ok: false };
  return { ok: true, value: Number(value) };
}

/** Reads a count of open leads: blank is 0; otherwise a whole number. */
export function readOpenLeads(text: string): CellRead<number> {
  const value = text.trim();
  if (value === '') return { ok: true, value: 0 };
  if (!WHOLE_NUMBER.test(value)) return { ok: false };
  return { ok: true, value: Number(value) };
}

/**
 * Reads a calendar day: `2026-12-01`, `2026/12/1`, `2026.12.01`, `2026年12月1日`,
 * `20261201` or an Excel serial; returns `YYYY-MM-DD`, or null for blank.
 * A value with a time of day is not a calendar day.
 */
export function readDate(text: string): CellRead<string | null> {
  const value = text.trim();
  if (value === '') return { ok: true, value: null };
  const date = normaliseDateText(value);
  if (date === null || date.includes(' ')) return { ok: false };
  return { ok: true, value: date };
}

/**
 * Reads leave dates: ranges `2026-12-01~2026-12-03` and single days
 * `2026-12-10`, separated by `;` (also `；`, `,` or a line break). Returns the
 * ranges in the order written, or the first part that is not a day or range,
 * or a range that ends before it starts.
 */
export function readUnavailable(
  text: string,
): { ok: true; value: DateRange[] } | { ok: false; part: string } {
  const value = text.trim();
  if (value === '') return { ok: true, value: [] };

  const ranges: DateRange[] = [];
  for (const part of value.split(LIST_SEPARATOR)) {
    if (part === '') continue;
    const ends = part.split(RANGE_SEPARATOR);
    if (ends.length > 2) return { ok: false, part };

    const from = readDate(ends[0] ?? '');
    const to = readDate(ends[1] ?? ends[0] ?? '');
    if (!from.ok || !to.ok || from.value === null || to.value === null || to.value < from.value) {
      return { ok: false, part };
    }
    ranges.push({ from: from.value, to: to.value });
  }
  return { ok: true, value: ranges };
}

/** Writes leave ranges as the rep table holds them: `2026-12-01~2026-12-03;2026-12-10`. */
export function writeUnavailable(ranges: readonly DateRange[]): string {
  return ranges
    .map((range) => (range.from === range.to ? range.from : `${range.from}~${range.to}`))
    .join(';');
}
