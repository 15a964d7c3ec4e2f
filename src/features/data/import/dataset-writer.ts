/**
 * Stores an imported dataset so that it is all there or not there at all.
 *
 * Every chunk of rows, the remembered column mappings and, last, the
 * dataset record are written in one IndexedDB read-write transaction. A
 * cancel (checked before every chunk), an error or a full disk aborts the
 * transaction, and IndexedDB rolls back every chunk already written, so the
 * database is exactly as it was. A tab closed mid-import aborts it the same
 * way. A quota failure arrives as `StorageFullError`.
 */
import type { CellValue } from '@sras/import';
import { ROW_CHUNK_SIZE, type SrasDatabase } from '../../../storage/db';
import type { ColumnMappingRecord, DatasetRecord } from '../../../storage/records';
import { writeTransaction } from '../../../storage/storage-full';

export interface DatasetWrite {
  /** The record to commit last; `rowCount` and `chunkSize` are filled in. */
  record: Omit<DatasetRecord, 'rowCount' | 'chunkSize'>;
  rowCount: number;
  /** The stored form of row `index` (0-based). */
  rowAt: (index: number) => Record<string, CellValue>;
  /** Row of the source file that row `index` came from, stored as `sourceRows`. */
  sourceRowAt?: (index: number) => number;
  mappings?: ColumnMappingRecord[];
  chunkSize?: number;
  signal?: AbortSignal;
  /** Called after every chunk with the rows written so far. */
  onProgress?: (rowsWritten: number) => void;
}

/** Writes a dataset in chunks in one transaction; see the module comment. */
export async function writeDataset(
  database: SrasDatabase,
  write: DatasetWrite,
): Promise<DatasetRecord> {
  const chunkSize = write.chunkSize ?? ROW_CHUNK_SIZE;
  const record: DatasetRecord = { ...write.record, rowCount: write.rowCount, chunkSize };
  throwIfAborted(write.signal);

  await writeTransaction(
    (db) => [db.datasets, db.datasetRows, db.columnMappings],
    async (db) => {
      for (let start = 0, chunk = 0; start < write.rowCount; start += chunkSize, chunk++) {
        throwIfAborted(write.signal);
        const end = Math.min(start + chunkSize, write.rowCount);
        const rows: Record<string, CellValue>[] = [];
        for (let index = start; index < end; index++) rows.push(write.rowAt(index));
        const sourceRowAt = write.sourceRowAt;
        const sourceRows = sourceRowAt
          ? Array.from({ length: end - start }, (_, offset) => sourceRowAt(start + offset))
          : undefined;

        await db.datasetRows.add({
          datasetId: record.id,
          chunk,
          rows,
          ...(sourceRows ? { sourceRows } : {}),
        });
        write.onProgress?.(end);
      }

      throwIfAborted(write.signal);
      if (write.mappings && write.mappings.length > 0)
        await db.columnMappings.bulkPut(write.mappings);
      await db.datasets.add(record);
    },
    database,
  );
  return record;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const error = new Error('The import was cancelled.');
  error.name = 'AbortError';
  throw error;
}
