/**
 * Spreadsheet files through SheetJS (@e965/xlsx), loaded on first use so the
 * reader stays out of the main bundle.
 */
import type * as SheetJsModule from '@e965/xlsx';
import type { TableCell, UncachedFormula } from './grid-table';

type SheetJs = typeof SheetJsModule;

let sheetJs: Promise<SheetJs> | undefined;

function loadSheetJs(): Promise<SheetJs> {
  sheetJs ??= import('@e965/xlsx');
  return sheetJs;
}

/**
 * Why a file could not be read as a workbook: `not-a-workbook` when its
 * first bytes are neither a ZIP archive (XLSX) nor an OLE compound file
 * (XLS, or an XLSX encrypted with a password); `unreadable` when it looks
 * like one but SheetJS cannot read it. The message is for engineers only.
 */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: 'not-a-workbook' | 'unreadable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkbookReadError';
  }
}

/** ZIP local file header, the start of every XLSX file. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file header, the start of every XLS file. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Returns true when the bytes start like an XLSX (ZIP) or XLS (OLE) file. */
export function hasWorkbookSignature(data: ArrayBuffer | Uint8Array): boolean {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, OLE_SIGNATURE);
}

/**
 * Writes one sheet per entry into an XLSX workbook. Where `formulas` has a
 * formula for a cell (same row and column as `rows`), the cell gets that
 * formula with the value in `rows` cached, so a spreadsheet shows the value
 * before it recomputes.
 */
export async function writeWorkbook(
  sheets: readonly {
    name: string;
    rows: readonly (readonly TableCell[])[];
    formulas?: readonly (readonly (string | null)[])[];
  }[],
): Promise<Uint8Array> {
  const XLSX = await loadSheetJs();
  const workbook = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const worksheet = XLSX.utils.aoa_to_sheet(sheet.rows.map((row) => [...row]));
    sheet.formulas?.forEach((row, rowIndex) => {
      row.forEach((formula, columnIndex) => {
        const cell = worksheet[XLSX.utils.encode_cell({ r: rowIndex, c: columnIndex })] as
          SheetJsModule.CellObject | undefined;
        if (formula !== null && cell) cell.f = formula;
      });
    });
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
 * Replaces each formula cell saved without its result with an
 * `UncachedFormula`, which would otherwise read as a blank cell.
 */
function markUncachedFormulas(worksheet: SheetJsModule.WorkSheet): void {
  for (const [address, cell] of Object.entries(worksheet)) {
    if (address.startsWith('!')) continue;
    const { f: formula, v: value } = cell as SheetJsModule.CellObject;
    if (formula === undefined || value !== undefined) continue;
    const marked: UncachedFormula = { formula };
    // sheet_to_json with `raw` returns a string cell's value as it is, so the object reaches the table.
    worksheet[address] = { t: 's', v: marked as unknown as string };
  }
}

/**
 * Reads the first sheet of an XLSX or XLS file as rows of raw cell values
 * (numbers stay numbers, blanks are null; a formula cell reads as its cached
 * value, or as an `UncachedFormula` when it has none). Rejects with a `WorkbookReadError` when the file is not a workbook
 * or cannot be read.
 */
export async function readFirstSheet(data: ArrayBuffer | Uint8Array): Promise<TableCell[][]> {
  if (!hasWorkbookSignature(data)) {
    throw new WorkbookReadError(
      'not-a-workbook',
      'The file starts with neither a ZIP nor an OLE header',
    );
  }
  const XLSX = await loadSheetJs();
  let workbook: SheetJsModule.WorkBook;
  try {
    workbook = XLSX.read(data, { type: 'array' });
  } catch (error) {
    throw new WorkbookReadError(
      'unreadable',
      `SheetJS could not read the workbook: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  const name = workbook.SheetNames[0];
  const worksheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!worksheet) return [];
  markUncachedFormulas(worksheet);
  return XLSX.utils.sheet_to_json<TableCell[]>(worksheet, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: false,
  });
}
