/**
 * Writes that fail because the browser's storage quota is used up.
 *
 * Chrome does not fail the request that overflows the quota: it aborts the
 * whole transaction, so the error arrives as an `AbortError` whose `inner`
 * (Dexie) or `cause` is the `QuotaExceededError`, and only the transaction's
 * promise rejects. `writeTransaction` waits on that promise, so callers get a
 * `StorageFullError` instead of a spinner that never ends, and IndexedDB has
 * rolled back every write of the transaction.
 */
import type { Table } from 'dexie';
import { getDatabase, type SrasDatabase } from './db';

/** Thrown by `writeTransaction` when the browser refused a write for lack of space. */
export class StorageFullError extends Error {
  /** i18next key of the message shown to the user. */
  readonly messageKey = 'common:errors.storageFull';

  constructor(readonly original: unknown) {
    super(
      'Storage is full: the browser refused to save more data. Nothing of this change was saved.',
    );
    this.name = 'StorageFullError';
  }
}

interface ErrorLike {
  name?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** Checks whether `error`, or an error it wraps, is the browser's QuotaExceededError. */
export function isQuotaExceededError(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 5) return false;

  const candidate = error as ErrorLike;
  if (candidate.name === 'QuotaExceededError') return true;

  if (isQuotaExceededError(candidate.inner, depth + 1)) return true;
  if (isQuotaExceededError(candidate.cause, depth + 1)) return true;

  // Dexie's BulkError lists the failure of every row.
  if (Array.isArray(candidate.failures)) {
    return candidate.failures.some((failure) => isQuotaExceededError(failure, depth + 1));
  }
  return false;
}

/** Maps a quota failure to `StorageFullError` and returns any other error unchanged. */
export function toStorageError(error: unknown): unknown {
  return isQuotaExceededError(error) ? new StorageFullError(error) : error;
}

/**
 * Runs `scope` in one read-write transaction over `tables`. Either every
 * write in it is saved or none is; a quota failure rejects with
 * `StorageFullError`.
 */
export async function writeTransaction<T>(
  tables: (database: SrasDatabase) => Table[],
  scope: (database: SrasDatabase) => Promise<T>,
  database: SrasDatabase = getDatabase(),
): Promise<T> {
  try {
    return await database.transaction('rw', tables(database), () => scope(database));
  } catch (error) {
    throw toStorageError(error);
  }
}
