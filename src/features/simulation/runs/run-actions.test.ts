import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../../test/database';
import type { RunRecord } from '../../../storage/records';
import { applyRun, deleteRun, isStaleApply, unapplyRun } from './run-actions';

function run(id: string, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    flowId: 'flow-1',
    flowRevision: 1,
    datasetId: 'ds1',
    createdAt: 1,
    now: 1,
    leadCount: 1,
    summary: {},
    stateAfter: { format: 'sras.state', version: 1, marker: id },
    chunkSize: 1000,
    stateBefore: null,
    ...overrides,
  };
}

describe('run actions', () => {
  const database = useFreshDatabase();

  it('chains applied states from one run to the next and back', async () => {
    await database().runs.bulkAdd([
      run('a'),
      run('b', { startRunId: 'a', stateBefore: run('a').stateAfter }),
    ]);

    expect(await applyRun('a', database())).toBeNull();
    expect((await database().allocationStates.get('flow-1'))?.runId).toBe('a');
    expect(await isStaleApply((await database().runs.get('b')) as RunRecord, database())).toBe(
      false,
    );

    expect(await applyRun('b', database())).toBeNull();
    const state = await database().allocationStates.get('flow-1');
    expect(state).toEqual(expect.objectContaining({ runId: 'b', state: run('b').stateAfter }));

    expect(await unapplyRun('a', database())).toBe('notLatest');
    expect(await unapplyRun('b', database())).toBeNull();
    expect(await database().allocationStates.get('flow-1')).toEqual(
      expect.objectContaining({ runId: 'a', state: run('a').stateAfter }),
    );
    expect((await database().runs.get('b'))?.appliedAt).toBeUndefined();
    expect((await database().runs.get('a'))?.appliedAt).toEqual(expect.any(Number));
  });

  it('drops the saved state when the first applied run is undone', async () => {
    await database().runs.add(run('a'));
    await applyRun('a', database());
    await unapplyRun('a', database());
    expect(await database().allocationStates.get('flow-1')).toBeUndefined();
  });

  it('flags an apply that replaces a state the run did not start from', async () => {
    await database().runs.bulkAdd([run('a'), run('fresh')]);
    await applyRun('a', database());
    expect(await isStaleApply((await database().runs.get('fresh')) as RunRecord, database())).toBe(
      true,
    );
  });

  it('deletes a simulation with its results but refuses an applied run', async () => {
    await database().runs.bulkAdd([run('a'), run('b')]);
    await database().runResults.bulkAdd([
      { runId: 'a', chunk: 0, results: [] },
      { runId: 'b', chunk: 0, results: [] },
    ]);
    await applyRun('a', database());

    expect(await deleteRun('a', database())).toBe('applied');
    expect(await deleteRun('b', database())).toBeNull();
    expect(await database().runs.get('b')).toBeUndefined();
    expect(await database().runResults.where('runId').equals('b').count()).toBe(0);
    expect(await database().runResults.where('runId').equals('a').count()).toBe(1);
  });
});
