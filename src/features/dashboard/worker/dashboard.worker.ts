/// <reference lib="webworker" />
/** Entry of the dashboard worker: reads the chosen sources and computes the figures off the main thread. */
import { getDatabase } from '../../../storage/db';
import { DashboardSession } from './dashboard.session';
import type { DashboardRequest, DashboardResponse } from './dashboard.protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new DashboardSession(
  (message: DashboardResponse) => scope.postMessage(message),
  getDatabase,
);

scope.addEventListener('message', (event: MessageEvent<DashboardRequest>) => {
  void session.handle(event.data);
});
