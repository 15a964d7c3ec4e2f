import { useEffect, useState } from 'react';
import type { RepRecord } from '../../storage/records';
import { DEFAULT_TIME_ZONE } from '../targets';
import { loadDashboardRecords, type LoadedRecords } from './dashboard-records';
import type { DashboardSettings } from './dashboard-settings';

export type DashboardRecordsState =
  | { status: 'loading'; rowsRead: number }
  | ({ status: 'ready' } & LoadedRecords)
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

    setState({ status: 'loading', rowsRead: 0 });
    loadDashboardRecords({
      settings,
      reps,
      timeZone,
      signal,
      onProgress: (rowsRead) => {
        if (!signal.aborted) setState({ status: 'loading', rowsRead });
      },
    })
      .then((loaded) => {
        if (!signal.aborted) setState({ status: 'ready', ...loaded });
      })
      .catch((error: unknown) => {
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
