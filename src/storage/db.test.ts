import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SrasDatabase } from './db';

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
      Object.keys({ ...SCHEMA_V1, ...SCHEMA_V3 }).sort(),
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

    expect(upgraded.verno).toBe(3);
    const flow = await upgraded.flows.get('f1');
    expect(flow?.createdAt).toBe(1_700_000_000_000);
    expect(flow?.revision).toBe(3);
    expect(await upgraded.flows.where('createdAt').equals(1_700_000_000_000).count()).toBe(1);
    expect(await upgraded.reps.get('r1')).toMatchObject({ name: '张伟' });
    expect(await upgraded.datasetRows.get(['d1', 0])).toMatchObject({ rows: [{ phone: '138' }] });
    await upgraded.delete();
  });

  it('upgrades a version 2 database by moving run states out of runs and saved states', async () => {
    const name = 'sras-upgrade-from-v2';
    const legacy = new Dexie(name);
    legacy.version(1).stores(SCHEMA_V1);
    legacy.version(2).stores(SCHEMA_V2);
    await legacy.open();
    const stateOf = (marker: string) => ({
      format: 'sras.state',
      version: 1,
      roundRobin: {},
      quota: {},
      assigned: {},
      dedup: { [`phone:${marker}`]: 'r1', [`email:${marker}@a.cn`]: null },
    });
    const run = (id: string, extra: Record<string, unknown>) => ({
      id,
      flowId: 'f1',
      flowRevision: 1,
      datasetId: 'd1',
      createdAt: 1,
      now: 1,
      leadCount: 2,
      summary: { total: 2 },
      chunkSize: 1000,
      ...extra,
    });
    await legacy.table('runs').bulkAdd([
      run('a', { stateAfter: stateOf('a'), stateBefore: null, appliedAt: 5 }),
      run('b', { stateAfter: stateOf('b'), stateBefore: stateOf('a'), startRunId: 'a' }),
      // Started from a run that was deleted since: its start state is the only copy.
      run('c', { stateAfter: stateOf('c'), stateBefore: stateOf('gone'), startRunId: 'gone' }),
    ]);
    await legacy.table('allocationStates').bulkAdd([
      { flowId: 'f1', state: stateOf('a'), updatedAt: 5, runId: 'a' },
      { flowId: 'f2', state: stateOf('f2'), updatedAt: 6 },
    ]);
    legacy.close();

    const upgraded = new SrasDatabase(name);
    await upgraded.open();

    expect(upgraded.verno).toBe(3);
    const runs = await upgraded.runs.orderBy('id').toArray();
    for (const record of runs) {
      expect(record).not.toHaveProperty('stateAfter');
      expect(record).not.toHaveProperty('stateBefore');
      expect(record.stateDedupKeys).toBe(2);
    }
    expect(runs.map((record) => [record.id, record.startRunId])).toEqual([
      ['a', undefined],
      ['b', 'a'],
      ['c', 'gone'],
    ]);
    expect(await upgraded.runs.where('startRunId').equals('a').primaryKeys()).toEqual(['b']);
    const states = await upgraded.runStates.orderBy('runId').toArray();
    expect(states).toEqual([
      { runId: 'a', state: stateOf('a') },
      { runId: 'b', state: stateOf('b') },
      { runId: 'c', state: stateOf('c') },
      { runId: 'f2:saved', state: stateOf('f2') },
      { runId: 'gone', state: stateOf('gone') },
    ]);
    expect(await upgraded.allocationStates.orderBy('flowId').toArray()).toEqual([
      { flowId: 'f1', updatedAt: 5, runId: 'a' },
      { flowId: 'f2', updatedAt: 6, runId: 'f2:saved' },
    ]);
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
