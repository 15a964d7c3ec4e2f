/**
 * Saving a simulation as a run: the run record (with everything needed to
 * run it again exactly), its end state and its per-lead results in chunks,
 * written in one transaction so a run is saved whole or not at all. Runs in
 * the simulation worker because the state can hold a million dedup keys.
 */
import { ROW_CHUNK_SIZE, type SrasDatabase } from '../../../storage/db';
import type { RunRecord } from '../../../storage/records';
import { countDedupKeys } from '../../../storage/run-states';
import { writeTransaction } from '../../../storage/storage-full';
import type { SimulationRun } from '../engine/simulation-run';
import type { RunSettings, SaveRunDetails } from './simulation.protocol';

export async function saveRun(
  database: SrasDatabase,
  run: SimulationRun,
  settings: RunSettings,
  details: SaveRunDetails,
  onProgress?: (done: number, total: number) => void,
): Promise<RunRecord> {
  const record: RunRecord = {
    id: details.runId,
    flowId: details.flowId,
    ...(details.versionId ? { versionId: details.versionId } : {}),
    flowRevision: details.flowRevision,
    datasetId: settings.datasetId,
    createdAt: Date.now(),
    now: settings.now,
    ...(settings.timeField ? { timeField: settings.timeField } : {}),
    leadCount: run.columns.count,
    summary: run.summary,
    stateDedupKeys: countDedupKeys(run.state),
    chunkSize: ROW_CHUNK_SIZE,
    ...(details.name ? { name: details.name } : {}),
    flowDocument: settings.flow,
    reps: settings.reps,
    ...(settings.ownersDatasetId ? { ownersDatasetId: settings.ownersDatasetId } : {}),
    ...(settings.startRunId !== null ? { startRunId: settings.startRunId } : {}),
  };

  await writeTransaction(
    (db) => [db.runs, db.runResults, db.runStates],
    async (db) => {
      await db.runStates.put({ runId: record.id, state: run.state });
      const total = run.columns.count;
      for (let start = 0, chunk = 0; start < total; start += ROW_CHUNK_SIZE, chunk += 1) {
        const end = Math.min(start + ROW_CHUNK_SIZE, total);
        const results = [];
        for (let position = start; position < end; position += 1)
          results.push(run.columns.at(position));
        await db.runResults.add({ runId: record.id, chunk, results });
        onProgress?.(end, total);
      }
      await db.runs.add(record);
    },
    database,
  );
  return record;
}

/** The settings a saved run was made with, to run it again. */
export function settingsOfRun(record: RunRecord): RunSettings | null {
  if (!record.flowDocument || !record.reps) return null;
  return {
    flow: record.flowDocument,
    datasetId: record.datasetId,
    ownersDatasetId: record.ownersDatasetId ?? null,
    reps: record.reps,
    startRunId: record.startRunId ?? null,
    now: record.now,
    timeField: record.timeField ?? null,
  };
}
