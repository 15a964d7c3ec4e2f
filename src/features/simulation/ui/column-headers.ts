import type { DatasetColumn } from '../../../storage/records';

/**
 * Returns a function that names a lead field by the header of the dataset
 * column stored under it, such as `城市` for `city`. A field the dataset
 * lacks keeps its key.
 */
export function fieldLabelFromColumns(
  columns: readonly DatasetColumn[],
): (field: string) => string {
  const headers = new Map(columns.map((column) => [column.key, column.header]));
  return (field) => headers.get(field) || field;
}
