/**
 * The screen's side of the dashboard worker. The dashboard shows one view
 * at a time, so starting a computation cancels the one still in flight:
 * its promise rejects with a `DashboardCancelledError` and a late reply to
 * it is dropped. One worker serves the app, started on first use, so its
 * loaded records survive leaving and reopening the screen.
 */
import { createInProcessPort, type WorkerPort } from '../../targets/worker/in-process-port';
import type { DashboardFigures } from '../dashboard-figures';
import type {
  DashboardRequest,
  DashboardRequestInput,
  DashboardResponse,
} from './dashboard.protocol';
import { DashboardSession } from './dashboard.session';
import { getDatabase } from '../../../storage/db';

export type DashboardPort = WorkerPort<DashboardRequest, DashboardResponse>;

/** The request was replaced by a newer one, or cancelled. */
export class DashboardCancelledError extends Error {
  constructor() {
    super('The dashboard computation was cancelled.');
    this.name = 'AbortError';
  }
}

interface Pending {
  resolve: (figures: DashboardFigures) => void;
  reject: (error: Error) => void;
  onProgress?: (rowsRead: number) => void;
}

/** A computation in flight: its figures, and a way to cancel it. */
export interface RunningComputation {
  requestId: number;
  result: Promise<DashboardFigures>;
  cancel: () => void;
}

export class DashboardClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: DashboardPort) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  /** Reads the sources (or reuses the worker's records) and computes the figures; cancels the previous computation. */
  compute(
    input: DashboardRequestInput,
    onProgress?: (rowsRead: number) => void,
  ): RunningComputation {
    for (const requestId of this.pending.keys()) this.cancel(requestId);

    const requestId = this.nextId++;
    const result = new Promise<DashboardFigures>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    });
    this.port.postMessage({ type: 'compute', requestId, input });
    return { requestId, result, cancel: () => this.cancel(requestId) };
  }

  private cancel(requestId: number): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;

    // Settle at once: the worker's reply to a cancelled request is no longer awaited.
    this.pending.delete(requestId);
    pending.reject(new DashboardCancelledError());
    this.port.postMessage({ type: 'cancel', requestId: this.nextId++, target: requestId });
  }

  private receive(message: DashboardResponse): void {
    const pending = this.pending.get(message.requestId);
    if (!pending) return;
    switch (message.type) {
      case 'progress':
        pending.onProgress?.(message.rowsRead);
        return;
      case 'done':
        this.pending.delete(message.requestId);
        pending.resolve(message.figures);
        return;
      case 'failed':
        this.pending.delete(message.requestId);
        pending.reject(new Error(message.message));
        return;
      case 'cancelled':
        this.pending.delete(message.requestId);
        pending.reject(new DashboardCancelledError());
        return;
    }
  }
}

let shared: DashboardClient | undefined;

/**
 * The app's dashboard client, started on first use: a module worker bundled
 * by Vite, or the same session in this thread where `Worker` is missing.
 */
export function getDashboardClient(): DashboardClient {
  shared ??= new DashboardClient(
    typeof Worker === 'function'
      ? (new Worker(new URL('./dashboard.worker.ts', import.meta.url), {
          type: 'module',
          name: 'dashboard',
        }) as unknown as DashboardPort)
      : createInProcessPort<DashboardRequest, DashboardResponse>((post) => {
          const session = new DashboardSession(post, getDatabase);
          return (message) => void session.handle(message);
        }),
  );
  return shared;
}
