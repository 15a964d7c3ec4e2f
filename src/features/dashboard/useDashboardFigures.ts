import { useEffect, useState } from 'react';
import type { DashboardFigures } from './dashboard-figures';
import {
  DashboardCancelledError,
  getDashboardClient,
  type DashboardClient,
} from './worker/dashboard.client';
import type { DashboardRequestInput } from './worker/dashboard.protocol';

export interface DashboardFiguresState {
  /** The newest figures; while `busy`, those of the previous view of the same sources. */
  figures: DashboardFigures | null;
  /** A computation for the current view is in flight. */
  busy: boolean;
  /** Rows read so far while the sources are being read. */
  rowsRead: number;
  /** Message of the last failed computation; null when it did not fail. */
  error: string | null;
}

const IDLE: DashboardFiguresState = { figures: null, busy: false, rowsRead: 0, error: null };

/** Names the sources behind figures, so that figures of other sources are never shown as current. */
function sourcesKey(input: DashboardRequestInput): string {
  return JSON.stringify([input.settings, input.timeZone]);
}

/**
 * Computes the dashboard's figures in the dashboard worker whenever `input`
 * changes (pass a memoised object). A newer input cancels the computation
 * in flight. Until it finishes, the previous figures stay on screen when
 * they come from the same sources.
 */
export function useDashboardFigures(
  input: DashboardRequestInput | null,
  client: () => DashboardClient = getDashboardClient,
): DashboardFiguresState {
  const [state, setState] = useState<DashboardFiguresState & { key: string | null }>({
    ...IDLE,
    key: null,
  });

  useEffect(() => {
    if (!input) return;
    const key = sourcesKey(input);
    let current = true;

    setState((previous) => ({
      figures: previous.key === key ? previous.figures : null,
      busy: true,
      rowsRead: 0,
      error: null,
      key,
    }));
    const running = client().compute(input, (rowsRead) => {
      if (current) setState((previous) => ({ ...previous, rowsRead }));
    });
    running.result
      .then((figures) => {
        if (current) setState({ figures, busy: false, rowsRead: 0, error: null, key });
      })
      .catch((error: unknown) => {
        if (!current || error instanceof DashboardCancelledError) return;
        setState({
          figures: null,
          busy: false,
          rowsRead: 0,
          error: error instanceof Error ? error.message : String(error),
          key,
        });
      });

    return () => {
      current = false;
      running.cancel();
    };
  }, [input, client]);

  if (!input) return IDLE;
  const { key, ...shown } = state;
  return key === sourcesKey(input) ? shown : { ...IDLE, busy: true };
}
