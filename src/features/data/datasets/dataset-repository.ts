/**
 * Reads and changes stored datasets. Rows are written only by the import
 * worker (import/dataset-writer.ts); here a dataset is listed, renamed or
 * deleted with all its row chunks in one transaction.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../../storage/db';
import type { DatasetRecord } from '../../../storage/records';
import { writeTransaction } from '../../../storage/storage-full';

/** Every dataset, most recently imported first. */
export async function listDatasets(): Promise<DatasetRecord[]> {
  return getDatabase().datasets.orderBy('importedAt').reverse().toArray();
}

export async function getDataset(datasetId: string): Promise<DatasetRecord | undefined> {
  return getDatabase().datasets.get(datasetId);
}

/** Renames a dataset; a blank name is rejected. Returns false when the dataset does not exist. */
export async function renameDataset(datasetId: string, name: string): Promise<boolean> {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A dataset needs a name.');

  return writeTransaction(
    (db) => [db.datasets],
    async (db) => (await db.datasets.update(datasetId, { name: trimmed })) === 1,
  );
}

/** Deletes a dataset and all its rows. Returns false when the dataset does not exist. */
export async function deleteDataset(datasetId: string): Promise<boolean> {
  return writeTransaction(
    (db) => [db.datasets, db.datasetRows],
    async (db) => {
      const existing = await db.datasets.get(datasetId);
      if (!existing) return false;

      await db.datasetRows.where('datasetId').equals(datasetId).delete();
      await db.datasets.delete(datasetId);
      return true;
    },
  );
}

/** Every dataset, most recently imported first, or undefined while loading; kept current. */
export function useDatasetList(): DatasetRecord[] | undefined {
  return useLiveQuery(() => listDatasets(), []);
}

/** One dataset, kept current: undefined while loading, null when it does not exist. */
export function useDataset(datasetId: string | undefined): DatasetRecord | null | undefined {
  return useLiveQuery(
    async () => (datasetId ? ((await getDataset(datasetId)) ?? null) : null),
    [datasetId],
  );
}
