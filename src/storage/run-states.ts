/**
 * Engine states of saved runs, kept in `runStates` apart from the run
 * records. A state can hold a million dedup keys, so only the simulation
 * worker reads it; lists of runs and the flow's saved-state pointer stay
 * small.
 */
import type { EntityTable } from 'dexie';
import type { AllocationStateRecord, RunRecord, RunStateRecord } from './records';

/** The tables that hold runs and their states. */
export interface RunStateTables {
  runs: EntityTable<RunRecord, 'id'>;
  runStates: EntityTable<RunStateRecord, 'runId'>;
  allocationStates: EntityTable<AllocationStateRecord, 'flowId'>;
}

/** Fields that run and saved-state records had before states moved to `runStates`. */
interface InlineStates {
  stateAfter?: unknown;
  stateBefore?: unknown;
  state?: unknown;
}

/** Number of dedup keys in an engine state, 0 for anything else. */
export function countDedupKeys(state: unknown): number {
  if (!state || typeof state !== 'object') return 0;
  const dedup = (state as { dedup?: unknown }).dedup;
  return dedup && typeof dedup === 'object' ? Object.keys(dedup).length : 0;
}

/** Id of the state row kept for a run's start state when the run named no start run. */
export function startStateIdOf(runId: string): string {
  return `${runId}:start`;
}

/** Id of the state row kept for a flow's saved state that named no run. */
export function savedStateIdOf(flowId: string): string {
  return `${flowId}:saved`;
}

/**
 * Moves states stored inside run records (`stateAfter`, `stateBefore`) and
 * saved-state records (`state`) into `runStates`, one record at a time so
 * that only one state is in memory. Used by the version 3 upgrade and by a
 * restore of a backup written before it; records without inline states are
 * left as they are.
 *
 * A run's end state becomes the row of its id. Its start state is the end
 * state of `startRunId`, so it is kept only when that run is not stored (or
 * the run named none: then under `startStateIdOf`). A saved state keeps the
 * row of its run, or gets one under `savedStateIdOf`.
 */
export async function moveRunStatesOut(tables: RunStateTables): Promise<void> {
  const { runs, runStates, allocationStates } = tables;
  const runIds = new Set(await runs.toCollection().primaryKeys());

  for (const runId of runIds) {
    const stored = (await runs.get(runId)) as (RunRecord & InlineStates) | undefined;
    if (!stored || !('stateAfter' in stored || 'stateBefore' in stored)) continue;
    const { stateAfter, stateBefore, ...run } = stored;

    if (stateAfter !== undefined && stateAfter !== null) {
      await runStates.put({ runId, state: stateAfter });
      run.stateDedupKeys = countDedupKeys(stateAfter);
    }
    if (stateBefore !== undefined && stateBefore !== null) {
      const startId = run.startRunId ?? startStateIdOf(runId);
      const alreadyStored =
        runIds.has(startId) || (await runStates.where(':id').equals(startId).count()) > 0;
      if (!alreadyStored) await runStates.put({ runId: startId, state: stateBefore });
      run.startRunId = startId;
    }
    await runs.put(run);
  }

  const flowIds = await allocationStates.toCollection().primaryKeys();
  for (const flowId of flowIds) {
    const stored = (await allocationStates.get(flowId)) as
      (Partial<AllocationStateRecord> & InlineStates) | undefined;
    if (!stored || !('state' in stored)) continue;
    const { state, ...pointer } = stored;
    if (state === undefined || state === null) {
      await allocationStates.delete(flowId);
      continue;
    }

    const runId = pointer.runId ?? savedStateIdOf(flowId);
    if ((await runStates.where(':id').equals(runId).count()) === 0)
      await runStates.put({ runId, state });
    await allocationStates.put({ flowId, updatedAt: pointer.updatedAt ?? 0, runId });
  }
}

/**
 * Deletes the state row `runId` when nothing refers to it any more: its run
 * is deleted, no stored run started from it, and no flow's saved state
 * points at it.
 * Call inside a transaction over the three tables.
 */
export async function releaseRunState(tables: RunStateTables, runId: string): Promise<void> {
  const { runs, runStates, allocationStates } = tables;
  if ((await runs.where(':id').equals(runId).count()) > 0) return;
  if ((await runs.where('startRunId').equals(runId).count()) > 0) return;
  if ((await allocationStates.where('runId').equals(runId).count()) > 0) return;
  await runStates.delete(runId);
}
