import * as XLSX from '@e965/xlsx';

/**
 * Writes rows as an XLSX workbook with one sheet, `Result`, whose cells are
 * all text, so that phones and codes keep their leading zeros and no cell is
 * ever evaluated as a formula (text cells are not formulas, so no `'` is
 * added).
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
