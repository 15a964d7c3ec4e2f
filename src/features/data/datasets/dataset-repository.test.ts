import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../../storage/records';
import { useFreshDatabase } from '../../../test/database';
import { deleteDataset, listDatasets, renameDataset } from './dataset-repository';

function dataset(id: string, importedAt: number): DatasetRecord {
  return {
    id,
    name: id,
    kind: 'leads',
    importedAt,
    rowCount: 2,
    chunkSize: 1,
    columns: [{ key: 'name', header: '姓名', field: 'name', type: 'text' }],
  };
}

describe('dataset repository', () => {
  const database = useFreshDatabase();

  it('lists datasets newest first', async () => {
    await database().datasets.bulkAdd([dataset('a', 1), dataset('b', 3), dataset('c', 2)]);

    expect((await listDatasets()).map((entry) => entry.id)).toEqual(['b', 'c', 'a']);
  });

  it('renames a dataset and rejects a blank name', async () => {
    await database().datasets.add(dataset('a', 1));

    expect(await renameDataset('a', '  展会线索 ')).toBe(true);
    expect((await database().datasets.get('a'))?.name).toBe('展会线索');
    await expect(renameDataset('a', '  ')).rejects.toThrow('A dataset needs a name.');
    expect(await renameDataset('missing', 'x')).toBe(false);
  });

  it('deletes a dataset with its row chunks and nothing else', async () => {
    await database().datasets.bulkAdd([dataset('a', 1), dataset('b', 2)]);
    await database().datasetRows.bulkAdd([
      { datasetId: 'a', chunk: 0, rows: [{ name: '1' }] },
      { datasetId: 'a', chunk: 1, rows: [{ name: '2' }] },
      { datasetId: 'b', chunk: 0, rows: [{ name: '3' }] },
    ]);

    expect(await deleteDataset('a')).toBe(true);

    expect(await database().datasets.toCollection().primaryKeys()).toEqual(['b']);
    expect((await database().datasetRows.toArray()).map((chunk) => chunk.datasetId)).toEqual(['b']);
    expect(await deleteDataset('a')).toBe(false);
  });
});
