import * as XLSX from '@e965/xlsx';

import {
  REP_TABLE_COLUMNS,
  type RepTableField,
  type RepTableLanguage,
} from './rep-table.columns.js';
import type { RepTableEntry } from './rep-table.reader.js';
import { writeUnavailable } from './rep-table.values.js';

/** A rep to write; extra fields are ignored. */
export type RepTableWriteEntry = Pick<RepTableEntry, 'id' | 'name'> &
  Partial<Omit<RepTableEntry, 'id' | 'name' | 'capacity'>> & {
    capacity?: { day?: number | null; week?: number | null; month?: number | null };
  };

/** Options of the rep table writers. */
export interface RepTableWriteOptions {
  /** Language of the headers and of the active flag (`是/否` or `yes/no`); default `en`. */
  language?: RepTableLanguage;
}

const UTF8_BOM = '\uFEFF';
/** Text that a spreadsheet would run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes reps as CSV: UTF-8 with a byte order mark (so that Excel opens
 * Chinese text correctly), CRLF line breaks, every rep table column.
 * Text starting with `=`, `+`, `-` or `@` gets a leading apostrophe so that
 * a spreadsheet does not run it as a formula; `readRepTable` removes it.
 */
export function writeRepTableCsv(
  reps: readonly RepTableWriteEntry[],
  options: RepTableWriteOptions = {},
): string {
  const lines = repTableCells(reps, options).map((cells) =>
    cells
      .map((cell) => quoteCsvCell(typeof cell === 'number' ? String(cell) : guardFormula(cell)))
      .join(','),
  );
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}

/**
 * Writes reps as an XLSX workbook with one sheet, numbers as number cells
 * and everything else (ids included) as text cells.
 */
export function writeRepTableXlsx(
  reps: readonly RepTableWriteEntry[],
  options: RepTableWriteOptions = {},
): Uint8Array {
  const rows = repTableCells(reps, options);
  const sheet = XLSX.utils.aoa_to_sheet(
    rows.map((cells) => cells.map((cell) => (cell === '' ? null : cell))),
  );
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, options.language === 'zh-CN' ? '销售人员' : 'Reps');
  const bytes = XLSX.write(workbook, {
    type: 'array',
    bookType: 'xlsx',
    compression: true,
  }) as ArrayBuffer;
  return new Uint8Array(bytes);
}

/** The header row and one row of cells per rep, in `REP_TABLE_COLUMNS` order. */
export function repTableCells(
  reps: readonly RepTableWriteEntry[],
  options: RepTableWriteOptions = {},
): (string | number)[][] {
  const language = options.language ?? 'en';
  const header = REP_TABLE_COLUMNS.map((column) => (language === 'zh-CN' ? column.zh : column.en));
  const body = reps.map((rep) =>
    REP_TABLE_COLUMNS.map((column) => cellOf(rep, column.field, language)),
  );
  return [header, ...body];
}

function cellOf(
  rep: RepTableWriteEntry,
  field: RepTableField,
  language: RepTableLanguage,
): string | number {
  switch (field) {
    case 'id':
      return rep.id;
    case 'name':
      return rep.name;
    case 'team':
      return rep.team ?? '';
    case 'active':
      return activeWord(rep.active ?? true, language);
    case 'weight':
      return rep.weight ?? 1;
    case 'capacityDay':
      return rep.capacity?.day ?? '';
    case 'capacityWeek':
      return rep.capacity?.week ?? '';
    case 'capacityMonth':
      return rep.capacity?.month ?? '';
    case 'unavailable':
      return writeUnavailable(rep.unavailable ?? []);
    case 'openLeads':
      return rep.openLeads ?? 0;
    case 'employmentStart':
      return rep.employmentStart ?? '';
    case 'employmentEnd':
      return rep.employmentEnd ?? '';
  }
}

function activeWord(active: boolean, language: RepTableLanguage): string {
  if (language === 'zh-CN') return active ? '是' : '否';
  return active ? 'yes' : 'no';
}

function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quoteCsvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
