import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SrasDatabase } from './db';

function minimalDocument(id: string) {
  return {
    format: 'sras.flow' as const,
    version: 1 as const,
    id,
    name: id,
    timezone: 'Asia/Shanghai',
    nodes: [],
    edges: [],
  };
}

describe('SrasDatabase', () => {
  it('declares every table the features need', () => {
    const database = new SrasDatabase('sras-tables');

    expect(database.tables.map((table) => table.name).sort()).toEqual(
      Object.keys(SCHEMA_V1).sort(),
    );
  });

  it('upgrades a version 1 database and keeps its data', async () => {
    const name = 'sras-upgrade-from-v1';
    const legacy = new Dexie(name);
    legacy.version(1).stores(SCHEMA_V1);
    await legacy.open();
    // A flow saved before records had createdAt.
    await legacy.table('flows').add({
      id: 'f1',
      name: '旧流程',
      document: minimalDocument('f1'),
      revision: 3,
      updatedAt: 1_700_000_000_000,
    });
    await legacy.table('reps').add({ id: 'r1', name: '张伟', team: '华东一组' });
    await legacy.table('datasetRows').add({ datasetId: 'd1', chunk: 0, rows: [{ phone: '138' }] });
    legacy.close();

    const upgraded = new SrasDatabase(name);
    await upgraded.open();

    expect(upgraded.verno).toBe(2);
    const flow = await upgraded.flows.get('f1');
    expect(flow?.createdAt).toBe(1_700_000_000_000);
    expect(flow?.revision).toBe(3);
    expect(await upgraded.flows.where('createdAt').equals(1_700_000_000_000).count()).toBe(1);
    expect(await upgraded.reps.get('r1')).toMatchObject({ name: '张伟' });
    expect(await upgraded.datasetRows.get(['d1', 0])).toMatchObject({ rows: [{ phone: '138' }] });
    await upgraded.delete();
  });

  it('stores dataset rows under a compound chunk key', async () => {
    const database = new SrasDatabase('sras-chunks');
    await database.datasetRows.bulkAdd([
      { datasetId: 'd1', chunk: 0, rows: [{ name: 'a' }] },
      { datasetId: 'd1', chunk: 1, rows: [{ name: 'b' }] },
      { datasetId: 'd2', chunk: 0, rows: [{ name: 'c' }] },
    ]);

    const chunks = await database.datasetRows.where('datasetId').equals('d1').sortBy('chunk');

    expect(chunks.map((chunk) => chunk.rows[0]?.name)).toEqual(['a', 'b']);
    await database.delete();
  });
});
