/**
 * Messages between the backup screen and the backup worker, which reads and
 * writes the whole workspace so that no record (a run's state can hold a
 * million dedup keys) is cloned, stringified or parsed on the page's thread.
 */
import type { BackupHeader } from '../backup-format';
import type { BackupProgress } from '../backup-export';
import type { BackupReadError } from '../backup-read';
import type { RestoreSummaryRow } from '../backup-restore';

export type BackupRequest =
  | { kind: 'export'; requestId: number }
  | { kind: 'read'; requestId: number; file: Blob }
  /** Restores the backup the last `read` accepted. */
  | { kind: 'restore'; requestId: number }
  /** Forgets the backup the last `read` accepted. */
  | { kind: 'discard'; requestId: number }
  | { kind: 'cancel'; requestId: number };

/** The result of a read: the file's header and what a restore would replace, or why the file is rejected. */
export type BackupReadAnswer =
  | { ok: true; header: BackupHeader; summary: RestoreSummaryRow[] }
  | { ok: false; error: BackupReadError };

export type BackupResponse =
  | { kind: 'progress'; requestId: number; progress: BackupProgress }
  | { kind: 'exported'; requestId: number; file: Blob; header: BackupHeader }
  | { kind: 'read'; requestId: number; answer: BackupReadAnswer }
  | { kind: 'done'; requestId: number }
  | { kind: 'cancelled'; requestId: number }
  | { kind: 'failed'; requestId: number; message: string; storageFull: boolean };
