/**
 * Worker thread that checkpoints a SQLite database in WAL mode on its own
 * connection, so that copying the write-ahead log into the database file
 * and its fsync run beside the server's event loop instead of inside a
 * request's commit. Started by
 * `startWalCheckpointer` with `{ file, intervalMs }` as worker data.
 *
 * Each round runs `PRAGMA wal_checkpoint(PASSIVE)`, which does not wait for
 * the writer, and repeats it while the writer appended frames meanwhile.
 * SQLite starts the log again from the top only when a writer begins after
 * every frame was copied, which a steady stream of commits may not allow:
 * in the benchmark the log grew to 31,000 frames (about 120 MB) in 3 s of
 * allocations as fast as they came. So a round that leaves more than
 * `RESTART_FRAMES` frames runs one RESTART checkpoint, which makes the
 * writer wait (its busy timeout) until the copy is done and the log can
 * start again. The round then posts `{ type: 'checkpoint', walPages, checkpointedPages,
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

// Later passes copy only the frames written during the previous one, so a
// few passes catch up with a writer that is idle most of the time.
const MAX_PASSES_PER_ROUND = 8;

/** Frames (about 4 KB each) above which a round restarts the log, pausing the writer once. */
const RESTART_FRAMES = 20_000;

try {
  const connection = new SQLite(file, { fileMustExist: true });
  // A PASSIVE checkpoint does not wait for the writer. The busy timeout
  // covers opening the connection while a migration runs, and a RESTART
  // waiting for the writer's transaction to end.
  connection.pragma('busy_timeout = 1000');

  const timer = setInterval(() => {
    try {
      const started = performance.now();
      let row: CheckpointRow | undefined;
      let passes = 0;
      do {
        [row] = connection.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
        passes += 1;
      } while (row && row.checkpointed < row.log && passes < MAX_PASSES_PER_ROUND);
      if (row && row.log > RESTART_FRAMES) {
        [row] = connection.pragma('wal_checkpoint(RESTART)') as CheckpointRow[];
        passes += 1;
      }
      if (row && row.checkpointed > 0) {
        parentPort?.postMessage({
          type: 'checkpoint',
          walPages: row.log,
          checkpointedPages: row.checkpointed,
          passes,
          ms: performance.now() - started,
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
