/**
 * Marking saved runs as applied, undoing that, and deleting runs. Applying
 * sets `appliedAt` and points the flow's saved state at the run's end state
 * in one transaction, so the dashboard and the next simulation never see
 * half of it. None of these reads or copies an engine state: the saved state
 * is a pointer to a `runStates` row, which the simulation worker reads.
 */
import { getDatabase, type SrasDatabase } from '../../../storage/db';
import type { RunRecord } from '../../../storage/records';
import { releaseRunState } from '../../../storage/run-states';
import { writeTransaction } from '../../../storage/storage-full';

/** Why a run cannot be un-applied or deleted. */
export type RunActionRefusal = 'notLatest' | 'applied' | 'missing';

/** Whether applying `run` replaces a saved state it did not start from. */
export async function isStaleApply(
  run: RunRecord,
  database: SrasDatabase = getDatabase(),
): Promise<boolean> {
  const current = await database.allocationStates.get(run.flowId);
  return (current?.runId ?? undefined) !== (run.startRunId ?? undefined);
}

/** Marks a run as applied and makes its end state the flow's saved state. */
export async function applyRun(
  runId: string,
  database: SrasDatabase = getDatabase(),
): Promise<RunActionRefusal | null> {
  return writeTransaction(
    (db) => [db.runs, db.allocationStates, db.runStates],
    async (db) => {
      const run = await db.runs.get(runId);
      if (!run) return 'missing';
      const previous = await db.allocationStates.get(run.flowId);
      const now = Date.now();
      await db.runs.update(runId, { appliedAt: now });
      await db.allocationStates.put({ flowId: run.flowId, updatedAt: now, runId });
      if (previous && previous.runId !== runId) await releaseRunState(db, previous.runId);
      return null;
    },
    database,
  );
}

/**
 * Undoes the apply of the run that produced the flow's saved state: the run
 * is a simulation again and the state goes back to the one the run started
 * from (none, for a run that started fresh).
 */
export async function unapplyRun(
  runId: string,
  database: SrasDatabase = getDatabase(),
): Promise<RunActionRefusal | null> {
  return writeTransaction(
    (db) => [db.runs, db.allocationStates, db.runStates],
    async (db) => {
      const run = await db.runs.get(runId);
      if (!run) return 'missing';
      const current = await db.allocationStates.get(run.flowId);
      if (current?.runId !== runId) return 'notLatest';

      await db.runs
        .where('id')
        .equals(runId)
        .modify((record) => {
          delete record.appliedAt;
        });
      // The start run's state row is still there: this run refers to it.
      if (run.startRunId === undefined) {
        await db.allocationStates.delete(run.flowId);
      } else {
        await db.allocationStates.put({
          flowId: run.flowId,
          updatedAt: Date.now(),
          runId: run.startRunId,
        });
      }
      return null;
    },
    database,
  );
}

/**
 * Deletes a run that is not applied, with its per-lead results. Its end
 * state is deleted too unless another run started from it or the flow's
 * saved state points at it. The state it started from is deleted once no
 * run or saved state refers to it.
 */
export async function deleteRun(
  runId: string,
  database: SrasDatabase = getDatabase(),
): Promise<RunActionRefusal | null> {
  return writeTransaction(
    (db) => [db.runs, db.runResults, db.runStates, db.allocationStates],
    async (db) => {
      const run = await db.runs.get(runId);
      if (!run) return 'missing';
      if (run.appliedAt !== undefined) return 'applied';
      await db.runResults.where('runId').equals(runId).delete();
      await db.runs.delete(runId);
      await releaseRunState(db, runId);
      if (run.startRunId !== undefined) await releaseRunState(db, run.startRunId);
      return null;
    },
    database,
  );
}
