/**
 * Writes a run's result file, byte for byte as `sras allocate` writes it
 * for the same leads (see @sras/import's result table and CSV writer): the
 * CSV is built line by line from segments of leads, so a million leads never
 * sit in memory as rows; the XLSX needs the whole table and is limited to
 * the rows a worksheet holds.
 */
import { ENGINE_MESSAGES, type MessageLanguage, type Rep } from '@sras/engine';
import {
  CSV_BOM,
  CSV_LINE_END,
  buildResultRow,
  createResultLayout,
  csvLine,
  formatReasonText,
  writeResultXlsx,
  type ResultInputColumn,
} from '@sras/import';
import type { DatasetColumn } from '../../../storage/records';
import type { ResultColumns } from './result-columns';
import type { LeadSource } from './simulation-run';

/** Rows of an XLSX worksheet after the header (Excel's limit is 1,048,576 rows). */
export const XLSX_MAX_LEADS = 1_048_575;

const ROWS_PER_READ = 5_000;

export interface ExportInput {
  columns: ResultColumns;
  source: LeadSource;
  datasetColumns: readonly DatasetColumn[];
  reps: readonly Rep[];
  language: MessageLanguage;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

/**
 * The result file's input columns: each dataset column under the header
 * the import gave it, repeated headers numbered `_2`, `_3`… as the import
 * package numbers its column keys, so the header row matches the CLI's.
 */
export function resultInputColumns(columns: readonly DatasetColumn[]): ResultInputColumn[] {
  const used = new Set<string>();
  return columns.map((column) => {
    const base = column.header || column.key;
    let header = base;
    for (let suffix = 2; used.has(header); suffix += 1) header = `${base}_${suffix}`;
    used.add(header);
    return { header, field: column.key };
  });
}

/** Builds the CSV result file as text parts (join them, or hand them to a Blob). */
export async function exportResultCsv(input: ExportInput): Promise<string[]> {
  const parts: string[] = [];
  await forEachRow(
    input,
    (header) => parts.push(CSV_BOM + csvLine(header) + CSV_LINE_END),
    (rows) => {
      let text = '';
      for (const row of rows) text += csvLine(row) + CSV_LINE_END;
      parts.push(text);
    },
  );
  return parts;
}

/** Builds the XLSX result file: every cell text, so no formula runs and no leading zero is lost. */
export async function exportResultXlsx(input: ExportInput): Promise<Uint8Array> {
  if (input.columns.count > XLSX_MAX_LEADS) throw new RangeError('too-many-rows-for-xlsx');
  let header: string[] = [];
  const rows: string[][] = [];
  await forEachRow(
    input,
    (names) => (header = names),
    (batch) => rows.push(...batch),
  );
  return writeResultXlsx(header, rows);
}

async function forEachRow(
  input: ExportInput,
  onHeader: (header: string[]) => void,
  onRows: (rows: string[][]) => void,
): Promise<void> {
  const { columns, source } = input;
  const layout = createResultLayout(
    resultInputColumns(input.datasetColumns),
    columns.writtenFields(),
    input.reps,
  );
  const templates = ENGINE_MESSAGES[input.language].reason;
  onHeader(layout.header);

  for (let start = 0; start < columns.count; start += ROWS_PER_READ) {
    if (input.isCancelled?.()) throw new DOMException('The export was cancelled.', 'AbortError');
    const end = Math.min(start + ROWS_PER_READ, columns.count);
    const leads = await source.read(start, end);
    const rows: string[][] = [];
    for (let position = start; position < end; position += 1) {
      const result = columns.at(position);
      rows.push(
        buildResultRow(layout, leads[position - start] ?? {}, {
          ownerId: result.ownerId,
          route: result.route,
          reason: result.reason,
          reasonText: formatReasonText(result, layout.repNames, templates),
          fields: result.fields,
        }),
      );
    }
    onRows(rows);
    input.onProgress?.(end, columns.count);
  }
}
