/**
 * Loads the dashboard's records from the chosen datasets and applied runs,
 * dataset chunk by chunk, and counts a lead that is in both once (see
 * `mergeRunAssignments`).
 */
import { getDatabase, type SrasDatabase } from '../../storage/db';
import type { RepRecord } from '../../storage/records';
import { DEFAULT_TIME_ZONE } from '../targets';
import { readDatasetChunks } from '../targets/dataset-reader';
import { datasetSourceOf, type DashboardSettings } from './dashboard-settings';
import type { RoundRobinPool } from './fairness';
import {
  mergeRunAssignments,
  readDatasetRecords,
  readRunRecords,
  type OutcomeRecord,
  type RecordIssue,
} from './outcome-records';
import { loadRunInput } from './run-records';

/** Unreadable cells listed per dataset; the rest are only counted. */
const LISTED_ISSUES = 100;

export interface LoadedRecords {
  records: OutcomeRecord[];
  /** Unreadable cells per dataset id. */
  issues: Record<string, { issues: RecordIssue[]; count: number }>;
  pools: RoundRobinPool[];
}

export interface LoadRecordsOptions {
  settings: Pick<DashboardSettings, 'datasetIds' | 'runIds' | 'sources'>;
  reps: readonly RepRecord[];
  timeZone?: string;
  database?: SrasDatabase;
  signal?: AbortSignal;
  /** Called after each dataset chunk with the rows read so far. */
  onProgress?: (rowsRead: number) => void;
}

/** Reads the selected datasets and applied runs into records; throws the signal's reason when aborted. */
export async function loadDashboardRecords(options: LoadRecordsOptions): Promise<LoadedRecords> {
  const { settings, reps, timeZone = DEFAULT_TIME_ZONE, signal, onProgress } = options;
  const database = options.database ?? getDatabase();
  const datasetRecords: OutcomeRecord[] = [];
  const issues: LoadedRecords['issues'] = {};
  let rowsRead = 0;

  for (const datasetId of settings.datasetIds) {
    const dataset = await database.datasets.get(datasetId);
    signal?.throwIfAborted();
    if (!dataset) continue;
    const source = datasetSourceOf(settings, dataset);
    const idColumn = dataset.columns.find((column) => column.field === 'id')?.key;
    const collected = { issues: [] as RecordIssue[], count: 0 };
    // Issues name the column by the header the user mapped, not by its storage key.
    const headers = new Map(dataset.columns.map((column) => [column.key, column.header]));

    for await (const chunk of readDatasetChunks(datasetId, database, signal)) {
      const read = readDatasetRecords(
        {
          id: datasetId,
          rows: chunk.rows,
          firstRowNumber: chunk.firstRowNumber,
          ...(chunk.sourceRows ? { sourceRows: chunk.sourceRows } : {}),
          ...(idColumn ? { idColumn } : {}),
        },
        {
          mapping: source.mapping,
          ...(source.wonValues ? { wonValues: source.wonValues } : {}),
          everyRowWon: source.everyRowWon ?? false,
        },
        timeZone,
      );
      for (const record of read.records) datasetRecords.push(record);
      collected.issues.push(
        ...read.issues
          .slice(0, Math.max(0, LISTED_ISSUES - collected.issues.length))
          .map((issue) => ({ ...issue, column: headers.get(issue.column) ?? issue.column })),
      );
      collected.count += read.issueCount;
      rowsRead += chunk.rows.length;
      onProgress?.(rowsRead);
    }
    issues[datasetId] = collected;
  }

  // Newest applied run first, so that a lead in several runs keeps its latest assignment.
  const runs = (await database.runs.bulkGet(settings.runIds))
    .filter((run) => run !== undefined && typeof run.appliedAt === 'number')
    .sort((a, b) => (b?.appliedAt ?? 0) - (a?.appliedAt ?? 0));
  const runRecords: OutcomeRecord[] = [];
  const pools: RoundRobinPool[] = [];
  for (const run of runs) {
    if (!run) continue;
    const loaded = await loadRunInput(run, reps, database);
    signal?.throwIfAborted();
    if (!loaded) continue;
    for (const record of readRunRecords(loaded.input, timeZone)) runRecords.push(record);
    pools.push(...loaded.pools);
  }

  return { records: mergeRunAssignments(datasetRecords, runRecords), issues, pools };
}
