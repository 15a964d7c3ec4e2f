import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A unit of work queued for a grouped SQLite transaction. */
type GroupedWork = (trx: Kysely<Database>) => Promise<unknown>;

interface QueuedWrite {
  work: GroupedWork;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The maximum number of writes in one transaction: enough for a burst, few enough to bound the wait. */
const MAX_GROUP_SIZE = 32;

const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');
const SAVEPOINT = CompiledQuery.raw('savepoint grouped_write');
const RELEASE = CompiledQuery.raw('release grouped_write');
const ROLLBACK_TO = CompiledQuery.raw('rollback to grouped_write');

/**
 * Group commit for SQLite. Writes queued in the same event-loop phase, or
 * while a group runs, share one transaction. So a burst of requests pays for
 * one commit and writes each shared page (the audit log's last pages, the
 * counter rows) to the WAL once instead of once per request.
 *
 * Each write runs in its own savepoint, in arrival order, so it reads the
 * writes before it exactly as if it had run alone after them. A write that
 * throws is rolled back to its savepoint and rejected, and the others
 * continue. An error from SQLite itself ends the whole group, because SQLite
 * may have rolled back the whole transaction. Every write of a group settles
 * only after the group's commit, so no caller reports as done what a crash
 * could lose.
 */
export class WriteGroups {
  private readonly queue: QueuedWrite[] = [];
  private draining = false;
  private scheduled = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Runs `work` in a write transaction, possibly shared with other queued writes. */
  run<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.draining || this.scheduled) return;

      // better-sqlite3 runs each query synchronously, so a transaction never
      // yields to the event loop and nothing could queue behind it. Starting
      // the group after the current event-loop phase collects every write
      // that the requests read from the sockets in this phase made.
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.drain();
      });
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        await this.runGroup(this.queue.splice(0, MAX_GROUP_SIZE));
      }
    } finally {
      this.draining = false;
    }
  }

  private async runGroup(group: QueuedWrite[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.db.connection().execute(async (connection) => {
        await connection.executeQuery(BEGIN_IMMEDIATE);
        try {
          const results: Outcome[] = [];
          for (const item of group) results.push(await runIsolated(connection, item.work));
          await connection.executeQuery(COMMIT);
          return results;
        } catch (error) {
          await connection.executeQuery(ROLLBACK);
          throw error;
        }
      });
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }

    group.forEach((item, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}

/** Runs one write in a savepoint. Rethrows SQLite's own errors, which end the whole group. */
async function runIsolated(connection: Kysely<Database>, work: GroupedWork): Promise<Outcome> {
  await connection.executeQuery(SAVEPOINT);
  try {
    const value = await work(connection);
    await connection.executeQuery(RELEASE);
    return { ok: true, value };
  } catch (error) {
    if (isSqliteError(error)) throw error;
    await connection.executeQuery(ROLLBACK_TO);
    await connection.executeQuery(RELEASE);
    return { ok: false, error };
  }
}

/** True for errors raised by SQLite (better-sqlite3's SqliteError carries a `SQLITE_…` code). */
function isSqliteError(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return typeof error.code === 'string' && error.code.startsWith('SQLITE_');
}
