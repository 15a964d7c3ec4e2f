/**
 * Spreadsheet files through SheetJS (@e965/xlsx), loaded on first use so the
 * reader stays out of the main bundle.
 */
import type * as SheetJsModule from '@e965/xlsx';
import type { TableCell } from './grid-table';

type SheetJs = typeof SheetJsModule;

let sheetJs: Promise<SheetJs> | undefined;

function loadSheetJs(): Promise<SheetJs> {
  sheetJs ??= import('@e965/xlsx');
  return sheetJs;
}

/** Writes one sheet per entry into an XLSX workbook. */
export async function writeWorkbook(
  sheets: readonly { name: string; rows: readonly (readonly TableCell[])[] }[],
): Promise<Uint8Array> {
  const XLSX = await loadSheetJs();
  const workbook = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const worksheet = XLSX.utils.aoa_to_sheet(sheet.rows.map((row) => [...row]));
    // Sheet names are limited to 31 characters and may not contain : \ / ? * [ ].
    XLSX.utils.book_append_sheet(
      workbook,
      worksheet,
      sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31),
    );
  }
  return XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as Uint8Array;
}

/**
 * Reads the first sheet of an XLSX or XLS file as rows of raw cell values
 * (numbers stay numbers, blanks are null).
 */
export async function readFirstSheet(data: ArrayBuffer | Uint8Array): Promise<TableCell[][]> {
  const XLSX = await loadSheetJs();
  const workbook = XLSX.read(data, { type: 'array' });
  const name = workbook.SheetNames[0];
  const worksheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!worksheet) return [];
  return XLSX.utils.sheet_to_json<TableCell[]>(worksheet, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: false,
  });
}
