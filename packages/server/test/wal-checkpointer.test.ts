import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  startWalCheckpointer,
  type CheckpointReport,
  type WalCheckpointer,
} from '../src/db/wal-checkpointer.js';

// The worker runs compiled JavaScript, as in the started server.
const WORKER_URL = new URL('../dist/db/wal-checkpoint.worker.js', import.meta.url);

describe('startWalCheckpointer', () => {
  let dataDir: string;
  let connection: SQLite.Database;
  let checkpointer: WalCheckpointer | undefined;

  beforeEach(() => {
    if (!fs.existsSync(WORKER_URL)) {
      throw new Error(`${WORKER_URL.pathname} is missing: run "npm run build:packages" first.`);
    }
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-checkpoint-test-'));
    connection = new SQLite(path.join(dataDir, 'test.sqlite'));
    connection.pragma('journal_mode = WAL');
    connection.exec('create table items (id integer primary key, body text not null)');
  });
  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = undefined;
    connection.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const writeRows = (count: number) => {
    const insert = connection.prepare('insert into items (body) values (?)');
    for (let index = 0; index < count; index += 1) insert.run('x'.repeat(500));
  };

  it('turns off checkpoints in commits and checkpoints in a worker thread', async () => {
    const reports: CheckpointReport[] = [];
    const errors: Error[] = [];
    checkpointer = startWalCheckpointer(connection, {
      intervalMs: 20,
      workerUrl: WORKER_URL,
      onCheckpoint: (report) => reports.push(report),
      onError: (error) => errors.push(error),
    });

    writeRows(3000);

    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(reports[0]!.checkpointedPages).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('keeps committed rows readable by a new connection after the worker stopped', async () => {
    const reports: CheckpointReport[] = [];
    checkpointer = startWalCheckpointer(connection, {
      intervalMs: 20,
      workerUrl: WORKER_URL,
      onCheckpoint: (report) => reports.push(report),
    });
    writeRows(500);
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0), { timeout: 10_000 });
    await checkpointer.stop();

    const reader = new SQLite(path.join(dataDir, 'test.sqlite'), { readonly: true });
    const count = reader.prepare('select count(*) as count from items').get() as { count: number };
    reader.close();

    expect(count.count).toBe(500);
  });

  it('falls back to checkpoints in commits when the worker script is missing', () => {
    const errors: Error[] = [];
    const missing = new URL('./no-such-worker.js', WORKER_URL);

    checkpointer = startWalCheckpointer(connection, {
      intervalMs: 20,
      workerUrl: missing,
      onError: (error) => errors.push(error),
    });

    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(errors[0]?.message).toContain('no-such-worker.js');
  });
});
