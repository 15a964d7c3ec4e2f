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

const DECIMAL = /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const GROUPED_DECIMAL = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '已', '有']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不', '未', '无']);

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
      if (DECIMAL.test(text)) return { value: Number(text) };
      if (GROUPED_DECIMAL.test(text)) return { value: Number(text.replace(/,/g, '')) };
      return { value: text, invalid: true };
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
