/**
 * Reading dates and amounts out of imported spreadsheet cells, which hold
 * whatever the export tool wrote: text in several date styles, Excel serial
 * numbers, ISO instants, `¥1,200`, `3.5万`.
 */
import {
  type CivilDate,
  DEFAULT_TIME_ZONE,
  dateInTimeZone,
  dayNumberOf,
  formatCivilDate,
  fromDayNumber,
  parseCivilDate,
} from './civil-date';

/** Excel's day 0 is 1899-12-30; serial 25569 is 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25_569;
/** Serial numbers Excel can show as dates: 1900-01-01 to 9999-12-31. */
const EXCEL_SERIAL_MAX = 2_958_465;
/** Numbers at least this large are read as epoch milliseconds (from 1973 on). */
const EPOCH_MS_MIN = 1e11;

// 2027-01-31, 2027/1/31, 2027.01.31, 2027年1月31日, each optionally followed by a time of day.
const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const COMPACT_DATE_TEXT = /^(\d{4})(\d{2})(\d{2})$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

function foldFullWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function civilFromParts(year: number, month: number, day: number): CivilDate | null {
  const text = formatCivilDate({ year, month, day });
  return parseCivilDate(text) ? text : null;
}

/**
 * Reads a cell as a calendar date in `timeZone`, or returns null when it contains
 * none. Dates without an offset are taken as written (they are local dates of
 * the workspace); instants with an offset or `Z`, epoch milliseconds and
 * `Date` objects are converted to the zone's calendar date. Excel serial
 * numbers are converted with UTC arithmetic, so no zone shifts them.
 */
export function readDateCell(
  value: unknown,
  timeZone: string = DEFAULT_TIME_ZONE,
): CivilDate | null {
  if (value === null || value === undefined) return null;

  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : dateInTimeZone(value.getTime(), timeZone);
  }

  if (typeof value === 'number') return readDateNumber(value, timeZone);

  if (typeof value !== 'string') return null;
  const text = foldFullWidth(value).trim();
  if (text === '') return null;

  const compact = COMPACT_DATE_TEXT.exec(text);
  if (compact) return civilFromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));

  if (/^\d+(?:\.\d+)?$/.test(text)) return readDateNumber(Number(text), timeZone);

  if (HAS_OFFSET.test(text) && text.includes('T')) {
    const epochMs = Date.parse(text);
    return Number.isNaN(epochMs) ? null : dateInTimeZone(epochMs, timeZone);
  }

  const match = DATE_TEXT.exec(text);
  if (!match) return null;
  if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59)) return null;
  return civilFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

function readDateNumber(value: number, timeZone: string): CivilDate | null {
  if (!Number.isFinite(value) || value < 1) return null;

  if (value >= EPOCH_MS_MIN) return dateInTimeZone(value, timeZone);

  if (Number.isInteger(value) && value >= 19_000_101 && value <= 29_991_231) {
    return readDateCell(String(value), timeZone);
  }

  if (value > EXCEL_SERIAL_MAX) return null;
  // The fraction is the time of day, which never moves the date.
  const dayNumber = Math.floor(value) - EXCEL_EPOCH_OFFSET_DAYS;
  return fromDayNumber(dayNumber);
}

const AMOUNT_MULTIPLIERS: Record<string, number> = {
  万: 1e4,
  亿: 1e8,
  千: 1e3,
  百万: 1e6,
  千万: 1e7,
};
const AMOUNT_TEXT = /^(-)?(\d+(?:\.\d+)?|\.\d+)(百万|千万|万|亿|千)?$/;

/**
 * Reads a cell as an amount, or returns null when it contains none. Accepts
 * numbers and text such as `1200`, `1,200.50`, `¥1,200`, `RMB 3500`,
 * `3.5万` (35,000), `1.2亿`, `-800` and `(800)` (a negative amount, as
 * accounting exports write it).
 */
export function readAmountCell(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;

  let text = foldFullWidth(value).trim();
  if (text === '') return null;

  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1] ?? '';
  }

  text = text
    .replace(/^(?:RMB|CNY)/i, '')
    .replace(/(?:RMB|CNY)$/i, '')
    .replace(/[¥￥]/g, '')
    .replace(/元$/, '')
    .replace(/[,\s]/g, '');

  const match = AMOUNT_TEXT.exec(text);
  if (!match) return null;

  const multiplier = match[3] ? (AMOUNT_MULTIPLIERS[match[3]] ?? 1) : 1;
  const amount = Number(match[2]) * multiplier;
  const signed = match[1] || negative ? -amount : amount;
  // Multiplying a decimal by 1e4 can leave binary noise (3.3 × 1e4 = 32999.999999999996).
  return Math.round(signed * 1e6) / 1e6;
}

/** Day number of a date cell, or null; a shortcut for period filters. */
export function readDayNumberCell(
  value: unknown,
  timeZone: string = DEFAULT_TIME_ZONE,
): number | null {
  const date = readDateCell(value, timeZone);
  if (date === null) return null;
  const parts = parseCivilDate(date);
  return parts ? dayNumberOf(parts) : null;
}
