/**
 * How imported rows are stored. A column mapped to a field is stored under
 * the field name (`phone`, `province`…), which is what the allocation engine
 * and the condition builder read; any other column keeps its header as key.
 * An unmapped header that equals a field name in use gets `_2`, `_3`…, so no
 * value is ever overwritten.
 */
import type { CellValue, ImportColumn, ImportRow } from '@sras/import';
import type { DatasetColumn, DatasetKind } from '../../../storage/records';
import { storedFieldName } from './dataset-kinds';

/** Storage key of every column, by column key, in column order. */
export function assignStorageKeys(
  columns: readonly Pick<ImportColumn, 'key' | 'field'>[],
  kind: DatasetKind,
): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const column of columns) {
    if (!column.field) continue;
    const key = storedFieldName(kind, column.field);
    keys.set(column.key, key);
    used.add(key);
  }

  for (const column of columns) {
    if (column.field) continue;
    let key = column.key;
    for (let suffix = 2; used.has(key); suffix++) key = `${column.key}_${suffix}`;
    keys.set(column.key, key);
    used.add(key);
  }
  return new Map(columns.map((column) => [column.key, keys.get(column.key) as string]));
}

/** One imported row as it is stored: every column's value under its storage key. */
export function toStoredRow(
  row: ImportRow,
  storageKeys: ReadonlyMap<string, string>,
): Record<string, CellValue> {
  const stored: Record<string, CellValue> = {};
  for (const [columnKey, storageKey] of storageKeys) {
    stored[storageKey] = row.values[columnKey] ?? null;
  }
  return stored;
}

/** The dataset's column list, in file order. */
export function toDatasetColumns(
  columns: readonly ImportColumn[],
  storageKeys: ReadonlyMap<string, string>,
): DatasetColumn[] {
  return columns.map((column) => ({
    key: storageKeys.get(column.key) ?? column.key,
    header: column.header || column.key,
    ...(column.field ? { field: column.field } : {}),
    type: column.type,
  }));
}
