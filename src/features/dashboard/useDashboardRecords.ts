import { useEffect, useState } from 'react';
import { getDatabase } from '../../storage/db';
import type { RepRecord } from '../../storage/records';
import { DEFAULT_TIME_ZONE, type RowIssue } from '../targets';
import { readDatasetChunks } from '../targets/dataset-reader';
import { datasetSourceOf, type DashboardSettings } from './dashboard-settings';
import type { RoundRobinPool } from './fairness';
import { readDatasetRecords, readRunRecords, type OutcomeRecord } from './outcome-records';
import { loadRunInput } from './run-records';

export type DashboardRecordsState =
  | { status: 'loading'; rowsRead: number }
  | {
      status: 'ready';
      records: OutcomeRecord[];
      /** Unreadable cells per dataset id. */
      issues: Record<string, { issues: RowIssue[]; count: number }>;
      pools: RoundRobinPool[];
    }
  | { status: 'failed'; message: string };

/**
 * Reads the selected datasets and applied runs into records, chunk by chunk
 * so the page stays responsive, and starts over when the selection or a
 * mapping changes. A newer selection cancels the read in progress.
 */
export function useDashboardRecords(
  settings: DashboardSettings | undefined,
  reps: readonly RepRecord[] | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): DashboardRecordsState {
  const [state, setState] = useState<DashboardRecordsState>({ status: 'loading', rowsRead: 0 });
  const selection = settings
    ? JSON.stringify([settings.datasetIds, settings.runIds, settings.sources])
    : null;

  useEffect(() => {
    if (!settings || !reps) return;
    const controller = new AbortController();
    const { signal } = controller;

    const load = async () => {
      setState({ status: 'loading', rowsRead: 0 });
      const records: OutcomeRecord[] = [];
      const issues: Record<string, { issues: RowIssue[]; count: number }> = {};
      const pools: RoundRobinPool[] = [];
      let rowsRead = 0;

      for (const datasetId of settings.datasetIds) {
        const dataset = await getDatabase().datasets.get(datasetId);
        if (signal.aborted) return;
        if (!dataset) continue;
        const source = datasetSourceOf(settings, dataset);
        const collected = { issues: [] as RowIssue[], count: 0 };
        for await (const chunk of readDatasetChunks(datasetId, getDatabase(), signal)) {
          const read = readDatasetRecords(
            { id: datasetId, rows: chunk.rows, firstRowNumber: chunk.firstRowNumber },
            {
              mapping: source.mapping,
              ...(source.wonValues ? { wonValues: source.wonValues } : {}),
              everyRowWon: source.everyRowWon ?? false,
            },
            timeZone,
          );
          records.push(...read.records);
          collected.issues.push(
            ...read.issues.slice(0, Math.max(0, 100 - collected.issues.length)),
          );
          collected.count += read.issueCount;
          rowsRead += chunk.rows.length;
          if (signal.aborted) return;
          setState({ status: 'loading', rowsRead });
        }
        issues[datasetId] = collected;
      }

      for (const runId of settings.runIds) {
        const run = await getDatabase().runs.get(runId);
        const loaded = run ? await loadRunInput(run, reps) : null;
        if (signal.aborted) return;
        if (!loaded) continue;
        records.push(...readRunRecords(loaded.input, timeZone));
        pools.push(...loaded.pools);
      }

      if (!signal.aborted) setState({ status: 'ready', records, issues, pools });
    };

    load().catch((error: unknown) => {
      if (signal.aborted) return;
      setState({
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    });
    return () => controller.abort();
    // The selection string stands for the settings fields that change what is read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection, reps, timeZone]);

  return state;
}
