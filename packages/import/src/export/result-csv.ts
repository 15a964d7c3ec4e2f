/** Characters that make a spreadsheet program read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The UTF-8 byte order mark that makes Excel read a CSV file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** Line end of result CSV files, as Excel on Windows writes them. */
export const CSV_LINE_END = '\r\n';

/**
 * Prefixes a cell that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, tab or carriage return first) with `'`, so that Excel and WPS show it
 * as text. This is the OWASP advice against CSV injection.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Writes one row as a CSV line without its line end: every cell
 * neutralised against formulas, then quoted when it contains a comma, quote
 * or line break.
 */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let index = 0; index < cells.length; index += 1) {
    if (index > 0) line += ',';
    line += csvField(neutraliseFormula(cells[index] as string));
  }
  return line;
}

/**
 * Writes rows as CSV text for Excel and WPS: a byte order mark, CRLF line
 * ends (the last line too), fields quoted when needed and every cell
 * neutralised against formulas. Hosts that write large files line by line
 * produce the same text with {@link CSV_BOM}, {@link csvLine} and
 * {@link CSV_LINE_END}.
 */
export function resultCsvText(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const lines: string[] = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `${CSV_BOM}${lines.join(CSV_LINE_END)}${CSV_LINE_END}`;
}

/** Encodes {@link resultCsvText} as UTF-8 bytes (the byte order mark included). */
export function writeResultCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Uint8Array {
  return new TextEncoder().encode(resultCsvText(header, rows));
}

function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
