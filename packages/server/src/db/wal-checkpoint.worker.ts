/**
 * Worker thread that checkpoints a SQLite database in WAL mode on its own
 * connection, so that copying the write-ahead log into the database file
 * and its fsync run beside the server's event loop instead of inside a
 * request's commit. Started by
 * `startWalCheckpointer` with `{ file, intervalMs }` as worker data.
 *
 * Each round runs `PRAGMA wal_checkpoint(PASSIVE)`, which never waits for
 * the writer, and posts `{ type: 'checkpoint', walPages, checkpointedPages,
 * ms }` when it copied anything; a failure is posted as `{ type: 'error',
 * message }` and ends the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

interface CheckpointerData {
  file: string;
  intervalMs: number;
}

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

const { file, intervalMs } = workerData as CheckpointerData;

try {
  const connection = new SQLite(file, { fileMustExist: true });
  // A PASSIVE checkpoint does not wait for the writer. The busy timeout
  // covers opening the connection while a migration runs.
  connection.pragma('busy_timeout = 1000');

  const timer = setInterval(() => {
    try {
      const started = performance.now();
      const [row] = connection.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
      const ms = performance.now() - started;
      if (row && row.checkpointed > 0) {
        parentPort?.postMessage({
          type: 'checkpoint',
          walPages: row.log,
          checkpointedPages: row.checkpointed,
          ms,
        });
      }
    } catch (error) {
      clearInterval(timer);
      connection.close();
      parentPort?.postMessage({ type: 'error', message: String(error) });
    }
  }, intervalMs);

  parentPort?.on('message', (message) => {
    if (message !== 'stop') return;
    clearInterval(timer);
    connection.close();
    parentPort?.close();
  });
} catch (error) {
  parentPort?.postMessage({ type: 'error', message: String(error) });
}
