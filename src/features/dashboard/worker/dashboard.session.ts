/**
 * The dashboard worker's state: the records of the chosen sources, read
 * once from IndexedDB. They are kept while the sources, the reps, the time
 * zone and the stored datasets and runs stay the same, so a change of
 * period or filter only recomputes the figures. Requests run one after
 * another; a cancel takes effect at once, also for a request still
 * waiting. Runs in a Web Worker (see dashboard.worker.ts); tests drive it
 * directly.
 */
import type { SrasDatabase } from '../../../storage/db';
import { computeDashboardFigures } from '../dashboard-figures';
import { loadDashboardRecords, type LoadedRecords } from '../dashboard-records';
import type {
  DashboardRequest,
  DashboardRequestInput,
  DashboardResponse,
} from './dashboard.protocol';

export class DashboardSession {
  private queue: Promise<void> = Promise.resolve();
  private readonly controllers = new Map<number, AbortController>();
  private cache: { key: string; loaded: LoadedRecords } | null = null;

  constructor(
    private readonly post: (message: DashboardResponse) => void,
    private readonly database: () => SrasDatabase,
  ) {}

  /** Handles one message; resolves once the request it starts has been replied to. */
  handle(message: DashboardRequest): Promise<void> {
    if (message.type === 'cancel') {
      this.controllers.get(message.target)?.abort();
      return Promise.resolve();
    }

    const controller = new AbortController();
    this.controllers.set(message.requestId, controller);
    this.queue = this.queue.then(() => this.compute(message.requestId, message.input, controller));
    return this.queue;
  }

  private async compute(
    requestId: number,
    input: DashboardRequestInput,
    controller: AbortController,
  ): Promise<void> {
    const { signal } = controller;
    try {
      signal.throwIfAborted();
      const loaded = await this.load(requestId, input, signal);
      signal.throwIfAborted();

      const figures = computeDashboardFigures(loaded, input.query);
      signal.throwIfAborted();
      this.post({ type: 'done', requestId, figures });
    } catch (error) {
      if (signal.aborted) this.post({ type: 'cancelled', requestId });
      else
        this.post({
          type: 'failed',
          requestId,
          message: error instanceof Error ? error.message : String(error),
        });
    } finally {
      this.controllers.delete(requestId);
    }
  }

  private async load(
    requestId: number,
    input: DashboardRequestInput,
    signal: AbortSignal,
  ): Promise<LoadedRecords> {
    const database = this.database();
    const key = await this.sourceKey(input, database);
    if (this.cache?.key === key) return this.cache.loaded;

    // A failed or cancelled read must not leave records of the previous sources behind.
    this.cache = null;
    const loaded = await loadDashboardRecords({
      settings: input.settings,
      reps: input.reps,
      timeZone: input.timeZone,
      database,
      signal,
      onProgress: (rowsRead) => this.post({ type: 'progress', requestId, rowsRead }),
    });
    this.cache = { key, loaded };
    return loaded;
  }

  /** Names what the records are read from, including when each dataset and run was stored. */
  private async sourceKey(input: DashboardRequestInput, database: SrasDatabase): Promise<string> {
    const [datasets, runs] = await Promise.all([
      database.datasets.bulkGet(input.settings.datasetIds),
      database.runs.bulkGet(input.settings.runIds),
    ]);
    return JSON.stringify([
      input.settings,
      input.reps,
      input.timeZone,
      datasets.map((dataset) => dataset && [dataset.importedAt, dataset.rowCount]),
      runs.map((run) => run && [run.appliedAt ?? null, run.createdAt]),
    ]);
  }
}
