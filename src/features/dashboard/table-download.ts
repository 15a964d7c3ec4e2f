import { downloadFile } from '../../app/download-file';
import { writeWorkbook } from '../targets/xlsx-file';
import { toCsv } from './csv-export';

export type DownloadCell = string | number | null;

/** Saves a table as CSV (UTF-8 with BOM, formulas neutralised) or XLSX. */
export async function downloadTable(
  fileBase: string,
  format: 'csv' | 'xlsx',
  rows: readonly (readonly DownloadCell[])[],
): Promise<void> {
  const safeName = fileBase.replace(/[\\/:*?"<>|]/g, '-');
  if (format === 'csv') {
    downloadFile(`${safeName}.csv`, [toCsv(rows)], 'text/csv;charset=utf-8');
    return;
  }
  const bytes = await writeWorkbook([{ name: safeName, rows }]);
  downloadFile(
    `${safeName}.xlsx`,
    [bytes as BlobPart],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}
