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
    chunkSize: 1000,
    ...overrides,
  };
}

function state(id: string) {
  return { runId: id, state: { format: 'sras.state', version: 1, marker: id } };
}

describe('run actions', () => {
  const database = useFreshDatabase();

  async function storeRuns(...runs: RunRecord[]) {
    await database().runs.bulkAdd(runs);
    await database().runStates.bulkAdd(runs.map((record) => state(record.id)));
  }

  it('chains applied states from one run to the next and back', async () => {
    await storeRuns(run('a'), run('b', { startRunId: 'a' }));

    expect(await applyRun('a', database())).toBeNull();
    expect((await database().allocationStates.get('flow-1'))?.runId).toBe('a');
    expect(await isStaleApply((await database().runs.get('b')) as RunRecord, database())).toBe(
      false,
    );

    expect(await applyRun('b', database())).toBeNull();
    expect(await database().allocationStates.get('flow-1')).toEqual(
      expect.objectContaining({ runId: 'b' }),
    );

    expect(await unapplyRun('a', database())).toBe('notLatest');
    expect(await unapplyRun('b', database())).toBeNull();
    expect(await database().allocationStates.get('flow-1')).toEqual(
      expect.objectContaining({ runId: 'a' }),
    );
    expect((await database().runs.get('b'))?.appliedAt).toBeUndefined();
    expect((await database().runs.get('a'))?.appliedAt).toEqual(expect.any(Number));
  });

  it('keeps the saved state a pointer without the engine state', async () => {
    await storeRuns(run('a'));

    await applyRun('a', database());

    const saved = await database().allocationStates.get('flow-1');
    expect(Object.keys(saved ?? {}).sort()).toEqual(['flowId', 'runId', 'updatedAt']);
    expect(await database().runStates.get('a')).toEqual(state('a'));
  });

  it('drops the saved state when the first applied run is undone', async () => {
    await storeRuns(run('a'));
    await applyRun('a', database());
    await unapplyRun('a', database());
    expect(await database().allocationStates.get('flow-1')).toBeUndefined();
  });

  it('flags an apply that replaces a state the run did not start from', async () => {
    await storeRuns(run('a'), run('fresh'));
    await applyRun('a', database());
    expect(await isStaleApply((await database().runs.get('fresh')) as RunRecord, database())).toBe(
      true,
    );
  });

  it('deletes a simulation with its results and state but refuses an applied run', async () => {
    await storeRuns(run('a'), run('b'));
    await database().runResults.bulkAdd([
      { runId: 'a', chunk: 0, results: [] },
      { runId: 'b', chunk: 0, results: [] },
    ]);
    await applyRun('a', database());

    expect(await deleteRun('a', database())).toBe('applied');
    expect(await deleteRun('b', database())).toBeNull();
    expect(await database().runs.get('b')).toBeUndefined();
    expect(await database().runStates.get('b')).toBeUndefined();
    expect(await database().runResults.where('runId').equals('b').count()).toBe(0);
    expect(await database().runResults.where('runId').equals('a').count()).toBe(1);
    expect(await database().runStates.get('a')).toEqual(state('a'));
  });

  it('keeps the state of a deleted run until nothing refers to it', async () => {
    await storeRuns(run('a'), run('b', { startRunId: 'a' }), run('c'));
    await applyRun('a', database());
    await unapplyRun('a', database());

    // b started from a's state, so that state stays when a goes.
    expect(await deleteRun('a', database())).toBeNull();
    expect(await database().runStates.get('a')).toEqual(state('a'));

    // Applying b and undoing it points the flow back at a's state.
    await applyRun('b', database());
    await unapplyRun('b', database());
    expect((await database().allocationStates.get('flow-1'))?.runId).toBe('a');

    // The flow's saved state is a's, so it stays when b goes.
    expect(await deleteRun('b', database())).toBeNull();
    expect(await database().runStates.get('b')).toBeUndefined();
    expect(await database().runStates.get('a')).toEqual(state('a'));

    // Once the flow points at another run, nothing refers to a's state.
    await applyRun('c', database());
    expect(await database().runStates.get('a')).toBeUndefined();
    expect(await database().runStates.get('c')).toEqual(state('c'));
  });
});
