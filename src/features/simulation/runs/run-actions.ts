/**
 * Marking saved runs as applied, undoing that, and deleting runs. Applying
 * sets `appliedAt` and makes the run's state the flow's saved state in one
 * transaction, so the dashboard and the next simulation never see half of it.
 */
import { getDatabase, type SrasDatabase } from '../../../storage/db';
import type { RunRecord } from '../../../storage/records';
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

/** Marks a run as applied and saves its state as the flow's state. */
export async function applyRun(
  runId: string,
  database: SrasDatabase = getDatabase(),
): Promise<RunActionRefusal | null> {
  return writeTransaction(
    (db) => [db.runs, db.allocationStates],
    async (db) => {
      const run = await db.runs.get(runId);
      if (!run) return 'missing';
      const now = Date.now();
      await db.runs.update(runId, { appliedAt: now });
      await db.allocationStates.put({
        flowId: run.flowId,
        state: run.stateAfter,
        updatedAt: now,
        runId,
      });
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
    (db) => [db.runs, db.allocationStates],
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
      if (run.stateBefore === null || run.stateBefore === undefined) {
        await db.allocationStates.delete(run.flowId);
      } else {
        await db.allocationStates.put({
          flowId: run.flowId,
          state: run.stateBefore,
          updatedAt: Date.now(),
          ...(run.startRunId ? { runId: run.startRunId } : {}),
        });
      }
      return null;
    },
    database,
  );
}

/** Deletes a run that is not applied, with its per-lead results. */
export async function deleteRun(
  runId: string,
  database: SrasDatabase = getDatabase(),
): Promise<RunActionRefusal | null> {
  return writeTransaction(
    (db) => [db.runs, db.runResults],
    async (db) => {
      const run = await db.runs.get(runId);
      if (!run) return 'missing';
      if (run.appliedAt !== undefined) return 'applied';
      await db.runResults.where('runId').equals(runId).delete();
      await db.runs.delete(runId);
      return null;
    },
    database,
  );
}
