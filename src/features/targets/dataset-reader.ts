/**
 * Reading imported datasets (the `datasets` and `datasetRows` tables) chunk
 * by chunk. Each chunk is a separate IndexedDB read, so a caller that
 * processes rows between chunks gives the browser's main thread back every
 * few thousand rows.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase, type SrasDatabase } from '../../storage/db';
import type { DatasetRecord } from '../../storage/records';

/** Stored datasets, newest first; undefined while loading. */
export function useDatasets(): DatasetRecord[] | undefined {
  return useLiveQuery(async () => {
    const datasets = await getDatabase().datasets.toArray();
    return datasets.sort((a, b) => b.importedAt - a.importedAt);
  }, []);
}

/** Yields a dataset's rows chunk by chunk, in file order. */
export async function* readDatasetChunks(
  datasetId: string,
  database: SrasDatabase = getDatabase(),
  signal?: AbortSignal,
): AsyncGenerator<{
  firstRowNumber: number;
  rows: Record<string, unknown>[];
  /** Source file row of each row, when the dataset kept them. */
  sourceRows?: readonly number[];
}> {
  const dataset = await database.datasets.get(datasetId);
  if (!dataset) return;
  const chunkCount = Math.ceil(dataset.rowCount / Math.max(1, dataset.chunkSize));

  for (let chunk = 0; chunk < chunkCount; chunk++) {
    signal?.throwIfAborted();
    const stored = await database.datasetRows.get([datasetId, chunk]);
    if (!stored) continue;
    yield {
      firstRowNumber: chunk * dataset.chunkSize + 1,
      rows: stored.rows as Record<string, unknown>[],
      ...(stored.sourceRows ? { sourceRows: stored.sourceRows } : {}),
    };
  }
}

/**
 * Reads all rows of a dataset, chunk by chunk, with the number to report for
 * each: its source file row where the dataset kept them, else its 1-based
 * position in the dataset.
 */
export async function readDatasetRowsWithNumbers(
  datasetId: string,
  database: SrasDatabase = getDatabase(),
): Promise<{ rows: Record<string, unknown>[]; rowNumbers: number[] }> {
  const rows: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  for await (const chunk of readDatasetChunks(datasetId, database)) {
    chunk.rows.forEach((row, index) => {
      rows.push(row);
      rowNumbers.push(chunk.sourceRows?.[index] ?? chunk.firstRowNumber + index);
    });
  }
  return { rows, rowNumbers };
}

/** Reads all rows of a dataset into one array, chunk by chunk. */
export async function readAllDatasetRows(
  datasetId: string,
  database: SrasDatabase = getDatabase(),
  signal?: AbortSignal,
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const chunk of readDatasetChunks(datasetId, database, signal))
    rows.push(...chunk.rows);
  return rows;
}

/**
 * Adds to each person the names their rep had before a rename on the team
 * screen, so that results written under an old name still count for the rep.
 */
export async function withFormerNames<Person extends { id: string }>(
  people: readonly Person[],
  database: SrasDatabase = getDatabase(),
): Promise<(Person & { formerNames: string[] })[]> {
  const reps = await database.reps.bulkGet(people.map((person) => person.id));
  return people.map((person, index) => ({
    ...person,
    formerNames: reps[index]?.formerNames ?? [],
  }));
}
