import * as XLSX from '@e965/xlsx';

import { excelSerialToText } from './excel-date.js';
import { ImportError } from './import.error.js';
import type { RawRow } from './csv-tokenizer.js';

/** A merged range of a sheet, 0-based and inclusive, as SheetJS gives it. */
export interface MergedRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** A cell holding an Excel error such as `#N/A`, read as empty. */
export interface CellErrorNote {
  row: number;
  column: number;
  text: string;
}

/** One sheet of a workbook as rows of text cells. */
export interface SheetGrid {
  sheetName: string;
  sheetNames: string[];
  /** Rows from the first to the last non-blank one; `row` is the 1-based sheet row and cell `i` is column `i` (A = 0). */
  rows: RawRow[];
  merges: MergedRange[];
  cellErrors: CellErrorNote[];
}

interface SheetCell {
  t: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

/**
 * Reads one sheet of an XLSX or XLS workbook into text cells. Numbers are
 * read raw and written without exponent or grouping (a phone stored as the
 * number 13000000000 stays `13000000000`); date-formatted numbers become
 * `YYYY-MM-DD[ HH:mm:ss]` with UTC arithmetic; zero-padded number formats
 * such as `000000` keep their leading zeros.
 */
export function readSheetGrid(bytes: Uint8Array, sheet?: string | number): SheetGrid {
  const workbook = readWorkbook(bytes);
  const sheetNames = workbook.SheetNames;
  const sheetName = chooseSheet(workbook, sheet);
  const worksheet = workbook.Sheets[sheetName] as XLSX.WorkSheet;
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);

  const dense = (worksheet['!data'] ?? []) as (SheetCell[] | undefined)[];
  const rows: RawRow[] = [];
  const cellErrors: CellErrorNote[] = [];
  let lastFilled = -1;
  for (let rowIndex = 0; rowIndex < dense.length; rowIndex++) {
    const cellsOfRow = dense[rowIndex];
    const cells: string[] = [];
    for (let column = 0; column < (cellsOfRow?.length ?? 0); column++) {
      const cell = cellsOfRow?.[column];
      if (cell?.t === 'e') {
        cellErrors.push({ row: rowIndex + 1, column, text: cell.w ?? '#ERROR' });
      }
      cells.push(cell ? cellText(cell, date1904) : '');
    }
    const hasValue = cells.some((text) => text.trim() !== '');
    if (!hasValue && rows.length === 0) continue;
    rows.push({ row: rowIndex + 1, cells });
    if (hasValue) lastFilled = rows.length;
  }
  // Blank rows inside the table stay, so that they are counted; those after it go.
  rows.length = Math.max(lastFilled, 0);

  const merges = ((worksheet['!merges'] ?? []) as MergedRange[]).slice();
  return { sheetName, sheetNames, rows, merges, cellErrors };
}

function readWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) {
      throw new ImportError(
        'workbook-encrypted',
        'The workbook is password-protected. Remove the password in Excel or WPS and import it again.',
      );
    }
    throw new ImportError(
      'workbook-unreadable',
      `The workbook could not be read (${message}). Open it in Excel or WPS and save it again as .xlsx.`,
      { reason: message },
    );
  }
}

function chooseSheet(workbook: XLSX.WorkBook, sheet: string | number | undefined): string {
  const names = workbook.SheetNames;
  if (typeof sheet === 'string') {
    if (!names.includes(sheet)) throw sheetNotFound(sheet, names);
    return sheet;
  }
  if (typeof sheet === 'number') {
    const name = names[sheet];
    if (name === undefined) throw sheetNotFound(String(sheet), names);
    return name;
  }
  const withData = names.find((name) => {
    const data = workbook.Sheets[name]?.['!data'] as unknown[] | undefined;
    return (data ?? []).some((row) => Array.isArray(row) && row.some((cell) => cell != null));
  });
  return withData ?? (names[0] as string);
}

function sheetNotFound(sheet: string, names: readonly string[]): ImportError {
  return new ImportError(
    'sheet-not-found',
    `The workbook has no sheet "${sheet}". Its sheets are: ${names.join(', ')}.`,
    { sheet, sheets: names.join(', ') },
  );
}

function cellText(cell: SheetCell, date1904: boolean): string {
  switch (cell.t) {
    case 'n':
      return numberCellText(cell.v as number, typeof cell.z === 'string' ? cell.z : '', date1904);
    case 's':
    case 'str':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.v instanceof Date
        ? excelSerialToText(dateToSerial(cell.v), { date1904: false })
        : '';
    default:
      return '';
  }
}

function numberCellText(value: number, format: string, date1904: boolean): string {
  if (!Number.isFinite(value)) return '';
  if (format !== '' && format !== 'General' && XLSX.SSF.is_date(format)) {
    const timeOnly = value < 1 && !/[dy]/i.test(format.replace(/\[[^\]]*\]/g, ''));
    return excelSerialToText(value, { date1904, timeOnly });
  }
  const text = numberToPlainText(value);
  if (/^0+$/.test(format) && /^\d+$/.test(text) && text.length < format.length) {
    return text.padStart(format.length, '0');
  }
  return text;
}

/**
 * Writes a number in plain decimal notation: integers with every digit,
 * fractions rounded to the 15 significant digits Excel shows, so that
 * 0.036000000000000004 reads `0.036`.
 */
export function numberToPlainText(value: number): string {
  if (Number.isInteger(value)) {
    return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  }
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  return rounded.toFixed(20).replace(/\.?0+$/, '');
}

function dateToSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}
