/**
 * The table-view worker's state: the rows of one dataset, read chunk by
 * chunk from IndexedDB, with the current search and sort. Runs in a Web
 * Worker (see table-view.worker.ts); tests drive it directly.
 */
import type { CellValue } from '@sras/import';
import type { SrasDatabase } from '../../../storage/db';
import { TableViewModel } from './table-view.model';
import type { TableViewRequest, TableViewResponse } from './table-view.protocol';

export class TableViewSession {
  private model: TableViewModel | null = null;

  constructor(
    private readonly post: (message: TableViewResponse) => void,
    private readonly database: () => SrasDatabase,
  ) {}

  async handle(message: TableViewRequest): Promise<void> {
    try {
      switch (message.type) {
        case 'load':
          await this.load(message.requestId, message.datasetId, message.locale);
          return;
        case 'query':
          this.post({
            type: 'queried',
            requestId: message.requestId,
            total: this.requireModel().apply(message.query),
          });
          return;
        case 'page':
          this.post({
            type: 'page',
            requestId: message.requestId,
            page: this.requireModel().page(message.start, message.count),
          });
          return;
      }
    } catch (error) {
      this.post({
        type: 'failed',
        requestId: message.requestId,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private async load(requestId: number, datasetId: string, locale: string): Promise<void> {
    const db = this.database();
    const dataset = await db.datasets.get(datasetId);
    if (!dataset) throw new Error(`Dataset ${datasetId} does not exist.`);

    const rows: Record<string, CellValue>[] = [];
    const chunkCount = Math.ceil(dataset.rowCount / dataset.chunkSize);
    for (let chunk = 0; chunk < chunkCount; chunk++) {
      const stored = await db.datasetRows.get([datasetId, chunk]);
      if (!stored) throw new Error(`Chunk ${chunk} of dataset ${datasetId} is missing.`);
      for (const row of stored.rows) rows.push(row as Record<string, CellValue>);
      this.post({ type: 'progress', requestId, done: rows.length, total: dataset.rowCount });
    }

    this.model = new TableViewModel(rows, dataset.columns, locale);
    this.post({ type: 'loaded', requestId, rowCount: rows.length });
  }

  private requireModel(): TableViewModel {
    if (!this.model) throw new Error('No dataset is loaded.');
    return this.model;
  }
}
