import * as XLSX from '@e965/xlsx';

/** Characters that make a spreadsheet program read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes a cell that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, tab or carriage return first) with `'`, so that Excel and WPS show it
 * as text. This is the OWASP advice against CSV injection.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Writes rows as CSV for Excel and WPS: UTF-8 with a byte order mark, CRLF
 * line ends, fields quoted when they contain a comma, quote or line break,
 * and every cell neutralised against formulas.
 */
export function writeResultCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Uint8Array {
  const lines: string[] = [header.map((cell) => csvField(neutraliseFormula(cell))).join(',')];
  for (const row of rows) {
    lines.push(row.map((cell) => csvField(neutraliseFormula(cell))).join(','));
  }
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  return new TextEncoder().encode(text);
}

/**
 * Writes rows as an XLSX workbook whose cells are all text, so that phones
 * and codes keep their leading zeros and no cell is ever evaluated as a
 * formula (text cells are not formulas, so no `'` is added).
 */
export function writeResultXlsx(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([[...header], ...rows.map((row) => [...row])], {
    cellDates: false,
  });
  for (const address of Object.keys(sheet)) {
    if (address.startsWith('!')) continue;
    const cell = sheet[address] as XLSX.CellObject;
    cell.t = 's';
    cell.z = '@';
  }
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'Result');
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
