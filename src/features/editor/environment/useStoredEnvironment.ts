import { useLiveQuery } from 'dexie-react-hooks';
import type { Rep } from '@sras/engine';
import { getDatabase } from '../../../storage/db';
import type { DatasetRecord } from '../../../storage/records';
import type { DatasetColumn } from './EditorEnvironment';

const NO_REPS: readonly Rep[] = [];
const NO_COLUMNS: readonly DatasetColumn[] = [];

/** Reps from the `reps` table, by name, kept current. */
export function useStoredReps(): readonly Rep[] {
  return (
    useLiveQuery(async () => {
      const reps = await getDatabase().reps.toArray();
      return reps.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    }, []) ?? NO_REPS
  );
}

/**
 * Lead fields of a dataset's columns: the standard field a column was mapped
 * to, else its key with its header. The first dataset to have a field wins.
 */
export function datasetColumnsOf(
  datasets: readonly Pick<DatasetRecord, 'columns'>[],
): DatasetColumn[] {
  const columns = new Map<string, DatasetColumn>();
  for (const dataset of datasets) {
    for (const column of dataset.columns) {
      const name = column.field ?? column.key;
      if (name.trim() === '' || columns.has(name)) continue;
      const kind = column.type === 'number' ? 'number' : column.type === 'date' ? 'date' : 'text';
      columns.set(name, column.field ? { name, kind } : { name, kind, header: column.header });
    }
  }
  return [...columns.values()];
}

/** Columns of the lead datasets stored in the browser, kept current. */
export function useStoredDatasetColumns(): readonly DatasetColumn[] {
  return (
    useLiveQuery(async () => {
      const datasets = await getDatabase().datasets.where('kind').equals('leads').toArray();
      return datasetColumnsOf(datasets);
    }, []) ?? NO_COLUMNS
  );
}
