import { describe, expect, it } from 'vitest';
import type { SrasDatabase } from '../../../storage/db';
import type { DatasetRecord } from '../../../storage/records';
import { StorageFullError } from '../../../storage/storage-full';
import { useFreshDatabase } from '../../../test/database';
import { createSessionHarness, realFile } from '../test/import-harness';
import { writeDataset, type DatasetWrite } from './dataset-writer';

const EXISTING: DatasetRecord = {
  id: 'dataset_existing',
  name: 'Earlier import',
  kind: 'leads',
  importedAt: 1,
  rowCount: 1,
  chunkSize: 1000,
  columns: [{ key: 'name', header: '姓名', field: 'name', type: 'text' }],
};

async function seed(database: SrasDatabase): Promise<void> {
  await database.datasets.add(EXISTING);
  await database.datasetRows.add({ datasetId: EXISTING.id, chunk: 0, rows: [{ name: '张三' }] });
  await database.columnMappings.add({ headerKey: '客户', field: 'company', updatedAt: 1 });
}

async function snapshot(database: SrasDatabase) {
  return {
    datasets: await database.datasets.toArray(),
    chunks: await database.datasetRows.toArray(),
    mappings: await database.columnMappings.toArray(),
  };
}

function rowsWrite(rowCount: number, extra: Partial<DatasetWrite> = {}): DatasetWrite {
  return {
    record: { id: 'dataset_new', name: 'New', kind: 'leads', importedAt: 2, columns: [] },
    rowCount,
    rowAt: (index) => ({ name: `lead ${index}` }),
    mappings: [{ headerKey: '备注', field: '', updatedAt: 2 }],
    chunkSize: 10,
    ...extra,
  };
}

describe('writeDataset', () => {
  const database = useFreshDatabase();

  it('writes full chunks, a short last chunk and the record', async () => {
    const progress: number[] = [];
    const record = await writeDataset(
      database(),
      rowsWrite(25, { onProgress: (done) => progress.push(done) }),
    );

    expect(record).toMatchObject({ id: 'dataset_new', rowCount: 25, chunkSize: 10 });
    const chunks = await database()
      .datasetRows.where('datasetId')
      .equals('dataset_new')
      .sortBy('chunk');
    expect(chunks.map((chunk) => chunk.rows.length)).toEqual([10, 10, 5]);
    expect(chunks[2]?.rows[4]).toEqual({ name: 'lead 24' });
    expect(progress).toEqual([10, 20, 25]);
    expect(await database().columnMappings.get('备注')).toMatchObject({ field: '' });
  });

  it('leaves the database as it was when cancelled halfway', async () => {
    await seed(database());
    const before = await snapshot(database());
    const controller = new AbortController();

    const write = writeDataset(
      database(),
      rowsWrite(100, {
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 50) controller.abort();
        },
      }),
    );

    await expect(write).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot(database())).toEqual(before);
  });

  it('leaves the database as it was when a row fails', async () => {
    await seed(database());
    const before = await snapshot(database());

    const write = writeDataset(
      database(),
      rowsWrite(100, {
        rowAt: (index) => {
          if (index === 73) throw new Error('row 73 is broken');
          return { name: `lead ${index}` };
        },
      }),
    );

    await expect(write).rejects.toThrow('row 73 is broken');
    expect(await snapshot(database())).toEqual(before);
  });

  it('reports a full disk as StorageFullError and saves nothing', async () => {
    await seed(database());
    const before = await snapshot(database());
    let chunks = 0;
    database().datasetRows.hook('creating', () => {
      chunks += 1;
      if (chunks === 3)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const write = writeDataset(database(), rowsWrite(100));

    await expect(write).rejects.toBeInstanceOf(StorageFullError);
    expect(await snapshot(database())).toEqual(before);
  });
});

describe('ImportSession store', () => {
  const database = useFreshDatabase();

  it('stores every row of xeducation_Leads.csv in chunks of 1,000', async () => {
    const harness = createSessionHarness();
    await harness.open(realFile('xeducation_Leads.csv'));
    await harness.parse();

    const answer = await harness.send({ type: 'store', requestId: harness.nextId(), name: 'X' });

    expect(answer).toMatchObject({ type: 'stored', dataset: { rowCount: 9240, chunkSize: 1000 } });
    const chunks = await database().datasetRows.toArray();
    expect(chunks).toHaveLength(10);
    expect(chunks.reduce((sum, chunk) => sum + chunk.rows.length, 0)).toBe(9240);
    const [dataset] = await database().datasets.toArray();
    expect(dataset?.origin).toEqual({ fileName: 'xeducation_Leads.csv', encoding: 'utf-8' });
    expect(dataset?.columns).toHaveLength(37);
  });

  it('cancels a store halfway and leaves nothing behind', async () => {
    await seed(database());
    const before = await snapshot(database());
    const harness = createSessionHarness();
    await harness.open(realFile('xeducation_Leads.csv'));
    await harness.parse({ mapping: { Tags: 'remark' } });
    const requestId = harness.nextId();
    harness.onMessage((message) => {
      if (message.type === 'progress' && message.phase === 'storing' && message.done === 5000) {
        void harness.session.handle({ type: 'cancel', requestId });
      }
    });

    const answer = await harness.send({ type: 'store', requestId, name: 'X' });

    expect(answer).toEqual({ type: 'cancelled', requestId });
    expect(await snapshot(database())).toEqual(before);
  });
});
