/** Messages between the dashboard screen and its worker (see dashboard.session.ts). */
import type { RepRecord } from '../../../storage/records';
import type { DashboardFigures, FiguresQuery } from '../dashboard-figures';
import type { LoadRecordsOptions } from '../dashboard-records';

/** A computation request: the sources of the records, and the figures' query. */
export interface DashboardRequestInput {
  settings: LoadRecordsOptions['settings'];
  reps: RepRecord[];
  /** The workspace time zone, in which dated instants fall on calendar days. */
  timeZone: string;
  query: FiguresQuery;
}

export type DashboardRequest =
  | { type: 'compute'; requestId: number; input: DashboardRequestInput }
  | { type: 'cancel'; requestId: number; target: number };

export type DashboardResponse =
  | { type: 'progress'; requestId: number; rowsRead: number }
  | { type: 'done'; requestId: number; figures: DashboardFigures }
  | { type: 'failed'; requestId: number; message: string }
  | { type: 'cancelled'; requestId: number };
