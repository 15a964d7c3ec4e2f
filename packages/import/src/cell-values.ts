import { normaliseDateText } from './excel-date.js';

/**
 * Values that forms and CRM exports write for "no value": unselected
 * drop-downs (`Select`, `请选择`), `N/A`, `null`, dashes and slashes.
 * Compared after trimming and lower-casing.
 */
export const DEFAULT_PLACEHOLDER_VALUES: readonly string[] = [
  'select',
  '--select--',
  '-- select --',
  'please select',
  '请选择',
  '--请选择--',
  'n/a',
  'na',
  '#n/a',
  'null',
  'none',
  'undefined',
  'nil',
  '无',
  '暂无',
  '空',
  '-',
  '--',
  '—',
  '/',
];

/** How a column's text is typed in the records. */
export type ColumnType = 'text' | 'number' | 'date' | 'boolean';

/** A value in an imported record. */
export type CellValue = string | number | boolean | null;

/**
 * Largest amount in yuan that sras reads as a deal amount or a yearly plan
 * total: 10^12 (¥1 trillion). It is far below Number.MAX_SAFE_INTEGER, so
 * whole amounts up to it are exact in a JavaScript number, and shares of it
 * keep about four decimal places.
 */
export const MAX_AMOUNT_YUAN = 1_000_000_000_000;

const DECIMAL = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const GROUPED_DECIMAL = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '已', '有']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不', '未', '无']);

/**
 * Reads a plain decimal or one with thousands groups (`1,200`), also when
 * typed with full-width digits, signs or separators (`１２，０００`, as Chinese
 * input methods write them). Returns null for any other text.
 */
export function readNumberText(text: string): number | null {
  const folded = text.replace(/[\uFF0B-\uFF0E\uFF10-\uFF19]/g, (char) =>
    String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
  if (DECIMAL.test(folded)) return Number(folded);
  if (GROUPED_DECIMAL.test(folded)) return Number(folded.replace(/,/g, ''));
  return null;
}

/**
 * Converts a trimmed cell to the column's type. Returns `{ value }`, or
 * `{ invalid: true }` when the text is not of that type (the text is then
 * kept as it is). Empty text is null for every type but text. A number
 * column accepts plain decimals and thousands groups (`1,200`) but not
 * leading zeros (`007`), which mark codes rather than quantities.
 */
export function convertCell(text: string, type: ColumnType): { value: CellValue; invalid?: true } {
  if (type === 'text') return { value: text };
  if (text === '') return { value: null };

  switch (type) {
    case 'number': {
      const number = readNumberText(text);
      return number === null ? { value: text, invalid: true } : { value: number };
    }
    case 'date': {
      const date = normaliseDateText(text);
      return date === null ? { value: text, invalid: true } : { value: date };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { value: text, invalid: true };
    }
  }
}
