/**
 * CSV for Excel: UTF-8 with a byte-order mark, so Excel on Chinese Windows
 * opens Chinese text correctly, CRLF line ends, and cells that start like a
 * formula (`=`, `+`, `-`, `@`, tab, carriage return) prefixed with `'` so that
 * a spreadsheet shows them as text instead of running them.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises text that a spreadsheet would read as a formula; numbers pass unchanged. */
export function neutraliseFormula(cell: string | number | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Builds CSV text, byte-order mark included, from rows of cells. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = rows.map((row) => row.map((cell) => quote(neutraliseFormula(cell))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
