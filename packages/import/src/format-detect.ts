import { ImportError } from './import.error.js';

/** File kinds the importer reads. TSV and TXT files are delimited text, read as `csv`. */
export type FileFormat = 'csv' | 'xlsx' | 'xls';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Tells the file kind from its first bytes: a ZIP container is an XLSX
 * workbook, an OLE2 container a legacy XLS workbook, anything else delimited
 * text. An `.xls` name on HTML or XML text (what some web systems export as
 * "Excel") is read as a workbook too, because SheetJS reads those tables.
 * Throws `file-empty` for an empty file.
 */
export function detectFileFormat(bytes: Uint8Array, fileName?: string): FileFormat {
  if (bytes.length === 0) {
    throw new ImportError('file-empty', 'The file is empty. Choose the exported file again.');
  }
  if (startsWith(bytes, ZIP_SIGNATURE)) return 'xlsx';
  if (startsWith(bytes, OLE_SIGNATURE)) return 'xls';

  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if ((extension === 'xls' || extension === 'xlsx') && firstNonSpaceByte(bytes) === 0x3c)
    return 'xls';
  if (extension === 'xlsx') {
    throw new ImportError(
      'format-unsupported',
      `"${fileName}" is named .xlsx but is not an Excel workbook. Open it in Excel or WPS and save it again.`,
      { fileName: fileName ?? '' },
    );
  }
  return 'csv';
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function firstNonSpaceByte(bytes: Uint8Array): number | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < Math.min(bytes.length, start + 64); i++) {
    const byte = bytes[i] as number;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return byte;
  }
  return undefined;
}
