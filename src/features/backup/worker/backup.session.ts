/**
 * The backup worker's work, apart from the worker itself so that tests run
 * it in-process on fake-indexeddb: export to a file, read and check a file,
 * restore the backup it read. Progress goes out at most every 100 ms.
 */
import type { SrasDatabase } from '../../../storage/db';
import { StorageFullError } from '../../../storage/storage-full';
import { exportWorkspace, type BackupProgress } from '../backup-export';
import { readBackupFile, type ParsedBackup } from '../backup-read';
import { restoreWorkspace, summariseRestore } from '../backup-restore';
import type { BackupRequest, BackupResponse } from './backup.protocol';

const PROGRESS_INTERVAL_MS = 100;

function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

export class BackupSession {
  private readonly controllers = new Map<number, AbortController>();
  /** The backup the last read accepted, kept until it is restored or discarded. */
  private accepted: ParsedBackup | undefined;

  constructor(
    private readonly post: (message: BackupResponse) => void,
    private readonly database: () => SrasDatabase,
  ) {}

  async handle(request: BackupRequest): Promise<void> {
    const { requestId } = request;
    if (request.kind === 'cancel') {
      this.controllers.get(requestId)?.abort();
      return;
    }
    if (request.kind === 'discard') {
      this.accepted = undefined;
      this.post({ kind: 'done', requestId });
      return;
    }

    const controller = new AbortController();
    this.controllers.set(requestId, controller);
    const onProgress = this.progressReporter(requestId);
    try {
      await this.run(request, controller.signal, onProgress);
    } catch (error) {
      if (isAbort(error)) {
        this.post({ kind: 'cancelled', requestId });
        return;
      }

      console.error(`The backup worker's ${request.kind} request ${requestId} failed.`, error);
      this.post({
        kind: 'failed',
        requestId,
        message: error instanceof Error ? error.message : String(error),
        storageFull: error instanceof StorageFullError,
      });
    } finally {
      this.controllers.delete(requestId);
    }
  }

  private async run(
    request: Extract<BackupRequest, { kind: 'export' | 'read' | 'restore' }>,
    signal: AbortSignal,
    onProgress: (progress: BackupProgress) => void,
  ): Promise<void> {
    const { requestId } = request;
    const database = this.database();

    switch (request.kind) {
      case 'export': {
        const { parts, header } = await exportWorkspace({ onProgress, signal, database });
        const file = new Blob(parts, { type: 'application/json' });
        this.post({ kind: 'exported', requestId, file, header });
        return;
      }
      case 'read': {
        this.accepted = undefined;
        const result = await readBackupFile(request.file, { onProgress, signal });
        if (!result.ok) {
          this.post({ kind: 'read', requestId, answer: result });
          return;
        }
        const summary = await summariseRestore(result.backup, database);
        this.accepted = result.backup;
        this.post({
          kind: 'read',
          requestId,
          answer: { ok: true, header: result.backup.header, summary },
        });
        return;
      }
      case 'restore': {
        const backup = this.accepted;
        if (!backup)
          throw new Error('No backup file has been read to restore: choose the file again.');
        await restoreWorkspace(backup, { onProgress, database });
        this.accepted = undefined;
        this.post({ kind: 'done', requestId });
        return;
      }
    }
  }

  /** Returns a callback that posts the progress of `requestId` once per interval at most, and always at completion. */
  private progressReporter(requestId: number): (progress: BackupProgress) => void {
    let last = 0;
    return (progress) => {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
      last = now;
      this.post({ kind: 'progress', requestId, progress });
    };
  }
}
