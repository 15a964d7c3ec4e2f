import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { importFile } from '@sras/import';
import { seedTables } from './seed-storage';

const COLUMN_TYPES = new Set(['text', 'number', 'date', 'boolean']);

/**
 * Imports a spreadsheet with the app's import package and stores it as a
 * dataset, as the import wizard saves one: a `datasets` record with the
 * mapped columns and the rows in chunks of 1,000.
 */
export async function importDataset(
  page: Page,
  filePath: string,
  options: { id: string; name: string; kind: 'leads' | 'owners' | 'deals' },
): Promise<{ rowCount: number }> {
  const fileName = basename(filePath);
  const result = await importFile(new Uint8Array(readFileSync(filePath)), { fileName });
  const rows = result.rows.map((row) => row.values);
  const chunkSize = 1000;
  const chunks = Array.from({ length: Math.ceil(rows.length / chunkSize) }, (_, chunk) => ({
    datasetId: options.id,
    chunk,
    rows: rows.slice(chunk * chunkSize, (chunk + 1) * chunkSize),
  }));

  await seedTables(page, {
    datasets: [
      {
        id: options.id,
        name: options.name,
        kind: options.kind,
        importedAt: Date.now(),
        rowCount: rows.length,
        chunkSize,
        columns: result.columns.map((column) => ({
          key: column.key,
          header: column.header,
          ...(column.field ? { field: column.field } : {}),
          type: COLUMN_TYPES.has(column.type) ? column.type : 'text',
        })),
        origin: { fileName, ...(result.encoding ? { encoding: result.encoding.encoding } : {}) },
      },
    ],
    datasetRows: chunks,
  });
  return { rowCount: rows.length };
}
