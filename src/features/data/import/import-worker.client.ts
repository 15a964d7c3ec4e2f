/**
 * The screen's side of the import worker: one promise per request, progress
 * through a callback, and cancel. Only the latest request of each kind is
 * answered; an answer to an older one is dropped.
 */
import type { DatasetRecord } from '../../../storage/records';
import type {
  ImportAnalysis,
  ImportProgressPhase,
  ImportWorkerRequest,
  ImportWorkerResponse,
  ParseSettings,
  WorkerFailure,
} from './import-worker.protocol';

/** What the client needs of a Web Worker; tests pass an in-process one. */
export interface WorkerPort {
  postMessage(message: ImportWorkerRequest): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<ImportWorkerResponse>) => void,
  ): void;
  terminate(): void;
}

export interface ProgressReport {
  phase: ImportProgressPhase;
  done: number;
  total: number | null;
}

/** A request that ended without a result: cancelled by the user, or failed. */
export class ImportRequestError extends Error {
  constructor(
    readonly failure: WorkerFailure | null,
    readonly cancelled: boolean,
  ) {
    super(cancelled ? 'The import was cancelled.' : (failure?.message ?? 'The import failed.'));
    this.name = cancelled ? 'AbortError' : 'ImportRequestError';
  }
}

interface Pending {
  resolve: (response: ImportWorkerResponse) => void;
  reject: (error: ImportRequestError) => void;
  onProgress?: (progress: ProgressReport) => void;
}

/** Starts the import worker as a module worker, bundled by Vite. */
export function startImportWorker(): WorkerPort {
  return new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  }) as WorkerPort;
}

export class ImportWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: WorkerPort = startImportWorker()) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  /** Hands the file to the worker, which reads its bytes. */
  async open(file: File): Promise<number> {
    const { requestId } = await this.request({ type: 'open', requestId: 0, file });
    return requestId;
  }

  /** Parses the open file with `settings` and returns what the wizard shows. */
  async parse(
    settings: ParseSettings,
    onProgress?: (progress: ProgressReport) => void,
    onStart?: (requestId: number) => void,
  ): Promise<ImportAnalysis> {
    const response = await this.request(
      { type: 'parse', requestId: 0, settings },
      onProgress,
      onStart,
    );
    if (response.type !== 'parsed') throw unexpected(response);
    return response.analysis;
  }

  /** Stores the parsed rows as a dataset named `name`. */
  async store(
    name: string,
    onProgress?: (progress: ProgressReport) => void,
    onStart?: (requestId: number) => void,
  ): Promise<DatasetRecord> {
    const response = await this.request({ type: 'store', requestId: 0, name }, onProgress, onStart);
    if (response.type !== 'stored') throw unexpected(response);
    return response.dataset;
  }

  /** Asks the worker to stop request `requestId`; its promise then rejects as cancelled. */
  cancel(requestId: number): void {
    this.port.postMessage({ type: 'cancel', requestId });
  }

  /** Stops the worker; pending requests reject as cancelled. */
  dispose(): void {
    this.port.terminate();
    for (const pending of this.pending.values()) pending.reject(new ImportRequestError(null, true));
    this.pending.clear();
  }

  private request(
    message: Exclude<ImportWorkerRequest, { type: 'cancel' }>,
    onProgress?: (progress: ProgressReport) => void,
    onStart?: (requestId: number) => void,
  ): Promise<ImportWorkerResponse> {
    const requestId = this.nextId++;
    // The worker runs one operation at a time and aborts the previous one when a new one starts.
    for (const [id, pending] of this.pending) {
      pending.reject(new ImportRequestError(null, true));
      this.pending.delete(id);
    }
    const promise = new Promise<ImportWorkerResponse>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, onProgress });
    });
    onStart?.(requestId);
    this.port.postMessage({ ...message, requestId });
    return promise;
  }

  private receive(response: ImportWorkerResponse): void {
    const pending = this.pending.get(response.requestId);
    if (!pending) return;

    switch (response.type) {
      case 'progress':
        pending.onProgress?.({ phase: response.phase, done: response.done, total: response.total });
        return;
      case 'cancelled':
        pending.reject(new ImportRequestError(null, true));
        break;
      case 'failed':
        pending.reject(new ImportRequestError(response.failure, false));
        break;
      default:
        pending.resolve(response);
    }
    this.pending.delete(response.requestId);
  }
}

function unexpected(response: ImportWorkerResponse): Error {
  return new Error(`The import worker answered "${response.type}" unexpectedly.`);
}
