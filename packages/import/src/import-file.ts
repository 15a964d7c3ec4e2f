import {
  CsvImportStream,
  type CsvImportOptions,
  type CsvImportSummary,
  type ImportProgress,
} from './csv-import-stream.js';
import type { Delimiter, Newline } from './delimiter-sniff.js';
import { detectFileFormat, type FileFormat } from './format-detect.js';
import { throwIfAborted } from './import.error.js';
import { importSheet, type SheetImportOptions } from './sheet-import.js';
import { requireDataRows, type ImportRow, type TableSummary } from './table-builder.js';
import type { EncodingInfo } from './text-decoder.js';

/** Options of `importFile`. */
export interface ImportOptions extends CsvImportOptions, SheetImportOptions {
  /** File kind; detected from the bytes when absent or `'auto'`. */
  format?: FileFormat | 'auto';
  /** Name of the file, a hint for HTML tables saved as `.xls`. */
  fileName?: string;
  /**
   * IANA time zone the sheet's dates and times are wall-clock values in;
   * default `Asia/Shanghai`. Dates are written as that wall-clock text
   * (`2021-01-29`, `2021-01-29 09:30:00`) without an offset, and this zone is
   * returned with them so that a consumer reads the text in it.
   */
  timeZone?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Bytes parsed between progress reports and cancellation checks; default 1 MiB. */
  chunkSize?: number;
}

/** Everything an import produced. Plain data, so it can be posted from a Web Worker. */
export interface ImportResult extends TableSummary {
  format: FileFormat;
  /** Text files only: the encoding used and why. */
  encoding: EncodingInfo | null;
  delimiter: Delimiter | null;
  newline: Newline | null;
  /** Workbooks only: the sheet read and all sheet names. */
  sheet: { name: string; names: string[] } | null;
  /** Workbooks only: cells filled down from vertically merged ranges. */
  filledMergedCells: number;
  timeZone: string;
  rows: ImportRow[];
}

const DEFAULT_CHUNK_SIZE = 1024 * 1024;

/**
 * Imports a whole file (CSV, TSV, TXT, XLSX or XLS) from its bytes. Text is
 * parsed in chunks, with a progress report and a pause for pending events
 * between chunks, so that a Web Worker can receive a cancel message; the
 * promise then rejects with an `AbortError`. Workbooks are unpacked in one
 * step. Throws `ImportError` when nothing usable can be read: binary bytes,
 * or a table without data rows unless `emptyTable` is `'allow'`.
 */
export async function importFile(
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const format =
    options.format && options.format !== 'auto'
      ? options.format
      : detectFileFormat(bytes, options.fileName);
  throwIfAborted(options.signal);

  if (format === 'csv') {
    const { rows, summary } = await importDelimitedText(bytes, options);
    requireDataRows(summary, options);
    return { ...summary, format, sheet: null, filledMergedCells: 0, timeZone, rows };
  }

  options.onProgress?.({ phase: 'reading', bytesRead: 0, totalBytes: bytes.length, rows: 0 });
  const { rows, summary } = importSheet(bytes, options);
  throwIfAborted(options.signal);
  requireDataRows(summary, options);
  options.onProgress?.({
    phase: 'parsing',
    bytesRead: bytes.length,
    totalBytes: bytes.length,
    rows: rows.length,
  });
  return { ...summary, format, encoding: null, delimiter: null, newline: null, timeZone, rows };
}

async function importDelimitedText(
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<{ rows: ImportRow[]; summary: Omit<CsvImportSummary, 'bytesRead'> }> {
  const stream = new CsvImportStream(options);
  const chunkSize = Math.max(1024, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const rows: ImportRow[] = [];

  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    throwIfAborted(options.signal);
    for (const row of stream.write(bytes.subarray(offset, offset + chunkSize))) rows.push(row);
    options.onProgress?.({
      phase: 'parsing',
      bytesRead: stream.bytesRead,
      totalBytes: bytes.length,
      rows: rows.length,
    });
    if (offset + chunkSize < bytes.length) await yieldToEventLoop();
  }
  throwIfAborted(options.signal);
  for (const row of stream.end()) rows.push(row);

  const { bytesRead: _bytesRead, ...summary } = stream.summary();
  return { rows, summary };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
