import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** Report of a checkpoint round that copied pages. */
export interface CheckpointReport {
  /** Frames (page writes) in the write-ahead log after the round's last pass. */
  walPages: number;
  /** Frames of the log copied into the database file; all of them when equal to `walPages`. */
  checkpointedPages: number;
  /** Checkpoint passes the round took to copy every frame (at most 8). */
  passes: number;
  /** Time the round took in the worker, in milliseconds. */
  ms: number;
}

export interface WalCheckpointerOptions {
  /** Time between two checkpoints in milliseconds. */
  intervalMs: number;
  /** The compiled worker script; default `wal-checkpoint.worker.js` next to this module. */
  workerUrl?: URL;
  onCheckpoint?: (report: CheckpointReport) => void;
  /** Called once when the worker cannot run; checkpoints are then back on the commit path. */
  onError?: (error: Error) => void;
}

/** A running checkpoint worker. */
export interface WalCheckpointer {
  /** Ends the worker; the connection's own checkpoints stay off until it closes. */
  stop(): Promise<void>;
}

/** SQLite's default: checkpoint when a commit leaves 1,000 pages or more in the log. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

const DEFAULT_WORKER_URL = new URL('./wal-checkpoint.worker.js', import.meta.url);

/**
 * Moves WAL checkpoints of `connection` off the request path. By default
 * SQLite checkpoints inside the commit that fills the log past 1,000 pages:
 * that commit then copies the log into the database file and syncs it,
 * 5 to 20 ms during which the event loop serves no request. Here the
 * connection's automatic checkpoints are turned off and a worker thread
 * with its own connection runs a checkpoint every `intervalMs` in SQLite's
 * PASSIVE mode, which does not wait for readers or writers. When the worker script is missing (the
 * server runs from its TypeScript sources) or the worker fails, automatic
 * checkpoints are turned back on and `onError` is called.
 */
export function startWalCheckpointer(
  connection: SQLite.Database,
  options: WalCheckpointerOptions,
): WalCheckpointer {
  const workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  const fallBack = (error: Error) => {
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    options.onError?.(error);
  };
  if (workerUrl.protocol !== 'file:' || !fs.existsSync(fileURLToPath(workerUrl))) {
    fallBack(new Error(`The checkpoint worker ${workerUrl.href} is missing; build the server.`));
    return { stop: async () => undefined };
  }

  connection.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(workerUrl, {
    workerData: { file: connection.name, intervalMs: options.intervalMs },
  });
  // A server that stops must not wait for the next round.
  worker.unref();
  let failed = false;
  const fail = (error: Error) => {
    if (failed) return;
    failed = true;
    void worker.terminate();
    fallBack(error);
  };
  worker.on('message', (message: { type: string; message?: string } & CheckpointReport) => {
    if (message.type === 'checkpoint') options.onCheckpoint?.(message);
    else if (message.type === 'error') fail(new Error(`WAL checkpoint failed: ${message.message}`));
  });
  worker.on('error', fail);

  return {
    stop: async () => {
      if (failed) return;
      failed = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await exited;
    },
  };
}
