/** The screen's side of the table-view worker: one promise per request. */
import type { TablePage, TableQuery } from './table-view.model';
import type { TableViewRequest, TableViewResponse } from './table-view.protocol';

export interface TableViewPort {
  postMessage(message: TableViewRequest): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<TableViewResponse>) => void,
  ): void;
  terminate(): void;
}

/** Starts the table-view worker as a module worker, bundled by Vite. */
export function startTableViewWorker(): TableViewPort {
  return new Worker(new URL('./table-view.worker.ts', import.meta.url), {
    type: 'module',
    name: 'table-view',
  }) as TableViewPort;
}

type Pending = {
  resolve: (response: TableViewResponse) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
};

export class TableViewClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: TableViewPort = startTableViewWorker()) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  async load(
    datasetId: string,
    locale: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<number> {
    const response = await this.request(
      { type: 'load', requestId: 0, datasetId, locale },
      onProgress,
    );
    return response.type === 'loaded' ? response.rowCount : 0;
  }

  async query(query: TableQuery): Promise<number> {
    const response = await this.request({ type: 'query', requestId: 0, query });
    return response.type === 'queried' ? response.total : 0;
  }

  async page(start: number, count: number): Promise<TablePage> {
    const response = await this.request({ type: 'page', requestId: 0, start, count });
    if (response.type !== 'page') throw new Error('The table worker sent no page.');
    return response.page;
  }

  dispose(): void {
    this.port.terminate();
    this.pending.clear();
  }

  private request(
    message: TableViewRequest,
    onProgress?: (done: number, total: number) => void,
  ): Promise<TableViewResponse> {
    const requestId = this.nextId++;
    const promise = new Promise<TableViewResponse>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, onProgress });
    });
    this.port.postMessage({ ...message, requestId });
    return promise;
  }

  private receive(response: TableViewResponse): void {
    const pending = this.pending.get(response.requestId);
    if (!pending) return;
    if (response.type === 'progress') {
      pending.onProgress?.(response.done, response.total);
      return;
    }
    this.pending.delete(response.requestId);
    if (response.type === 'failed') pending.reject(new Error(response.message));
    else pending.resolve(response);
  }
}
