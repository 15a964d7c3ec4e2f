/**
 * The backup screen's side of the backup worker: one promise per request,
 * progress through a callback, cancel through an AbortSignal. One worker
 * serves the app, started on first use; it keeps the backup a read accepted
 * until it is restored or discarded.
 */
import { StorageFullError } from '../../../storage/storage-full';
import type { BackupHeader } from '../backup-format';
import type { BackupProgress } from '../backup-export';
import type { BackupReadAnswer, BackupRequest, BackupResponse } from './backup.protocol';

/** The part of a Web Worker the client uses; tests pass an in-process one. */
export interface BackupPort {
  postMessage(message: BackupRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BackupResponse>) => void): void;
}

type Answer = Extract<BackupResponse, { kind: 'exported' | 'read' | 'done' }>;

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
  onProgress?: (progress: BackupProgress) => void;
}

type RequestWithoutId = BackupRequest extends infer R
  ? R extends { requestId: number }
    ? Omit<R, 'requestId'>
    : never
  : never;

export class BackupClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: BackupPort) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  /** Writes the workspace to a backup file in the worker. */
  async exportWorkspace(
    onProgress?: (progress: BackupProgress) => void,
    signal?: AbortSignal,
  ): Promise<{ file: Blob; header: BackupHeader }> {
    const answer = await this.request({ kind: 'export' }, onProgress, signal);
    if (answer.kind !== 'exported')
      throw new Error(`Unexpected response ${answer.kind} from the backup worker.`);
    return { file: answer.file, header: answer.header };
  }

  /** Reads and checks `file` without changing anything stored; the worker keeps it to restore. */
  async readFile(
    file: Blob,
    onProgress?: (progress: BackupProgress) => void,
    signal?: AbortSignal,
  ): Promise<BackupReadAnswer> {
    const answer = await this.request({ kind: 'read', file }, onProgress, signal);
    if (answer.kind !== 'read')
      throw new Error(`Unexpected response ${answer.kind} from the backup worker.`);
    return answer.answer;
  }

  /** Restores the backup the last read accepted, all or nothing. */
  async restore(onProgress?: (progress: BackupProgress) => void): Promise<void> {
    await this.request({ kind: 'restore' }, onProgress);
  }

  /** Forgets the backup the last read accepted. */
  async discard(): Promise<void> {
    await this.request({ kind: 'discard' });
  }

  private request(
    message: RequestWithoutId,
    onProgress?: (progress: BackupProgress) => void,
    signal?: AbortSignal,
  ): Promise<Answer> {
    const requestId = this.nextId++;
    if (signal?.aborted) return Promise.reject(cancelled());

    const answer = new Promise<Answer>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, onProgress });
    });
    signal?.addEventListener('abort', () => this.port.postMessage({ kind: 'cancel', requestId }), {
      once: true,
    });
    this.port.postMessage({ ...message, requestId } as BackupRequest);
    return answer;
  }

  private receive(message: BackupResponse): void {
    const pending = this.pending.get(message.requestId);
    if (!pending) return;
    if (message.kind === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }

    this.pending.delete(message.requestId);
    if (message.kind === 'cancelled') pending.reject(cancelled());
    else if (message.kind === 'failed')
      pending.reject(
        message.storageFull ? new StorageFullError(message.message) : new Error(message.message),
      );
    else pending.resolve(message);
  }
}

function cancelled(): DOMException {
  return new DOMException('Cancelled', 'AbortError');
}

let shared: BackupClient | undefined;

/** Returns the app's backup client, starting its worker on first use. */
export function getBackupClient(): BackupClient {
  shared ??= new BackupClient(
    new Worker(new URL('./backup.worker.ts', import.meta.url), {
      type: 'module',
      name: 'backup',
    }) as BackupPort,
  );
  return shared;
}
