import { describe, expect, it } from 'vitest';
import { ROW_CHUNK_SIZE, type SrasDatabase } from '../../../storage/db';
import { useFreshDatabase } from '../../../test/database';
import { BACKUP_TABLES } from '../backup-format';
import type { BackupProgress } from '../backup-export';
import { BackupClient, type BackupPort } from './backup.client';
import type { BackupRequest, BackupResponse } from './backup.protocol';
import { BackupSession } from './backup.session';

const DEDUP_KEYS = 20_000;

/** Creates a client whose worker is a session in this thread, each message delivered in a later task. */
function inProcessClient(database: () => SrasDatabase): BackupClient {
  const listeners: ((event: MessageEvent<BackupResponse>) => void)[] = [];
  const session = new BackupSession((message) => {
    setTimeout(() => {
      for (const listener of listeners) listener({ data: message } as MessageEvent<BackupResponse>);
    });
  }, database);
  const port: BackupPort = {
    postMessage: (message: BackupRequest) => setTimeout(() => void session.handle(message)),
    addEventListener: (_type, listener) => listeners.push(listener),
  };
  return new BackupClient(port);
}

/** Stores a flow's applied run with a state of `DEDUP_KEYS` dedup keys, and its results. */
async function storeAppliedRun(database: SrasDatabase): Promise<void> {
  const dedup: Record<string, string> = {};
  for (let index = 0; index < DEDUP_KEYS; index += 1)
    dedup[`phone:138${String(index).padStart(8, '0')}`] = `r${index % 8}`;
  await database.runs.add({
    id: 'run1',
    flowId: 'flow1',
    flowRevision: 1,
    datasetId: 'd1',
    createdAt: 2,
    now: 2,
    leadCount: DEDUP_KEYS,
    summary: { perRep: { r1: DEDUP_KEYS } },
    stateDedupKeys: DEDUP_KEYS,
    appliedAt: 3,
    chunkSize: ROW_CHUNK_SIZE,
  });
  await database.runStates.add({ runId: 'run1', state: { version: 1, dedup } });
  await database.runResults.bulkAdd(
    Array.from({ length: 3 }, (_, chunk) => ({
      runId: 'run1',
      chunk,
      results: [{ leadId: String(chunk), ownerId: 'r1' }],
    })),
  );
  await database.allocationStates.add({ flowId: 'flow1', updatedAt: 3, runId: 'run1' });
}

async function snapshot(database: SrasDatabase) {
  const tables: Record<string, unknown[]> = {};
  for (const name of BACKUP_TABLES) tables[name] = await database.table(name).toArray();
  return tables;
}

describe('BackupSession', () => {
  const database = useFreshDatabase();

  it('round-trips a large run state', async () => {
    await storeAppliedRun(database());
    const before = await snapshot(database());
    const client = inProcessClient(database);

    const progress: BackupProgress[] = [];
    const { file, header } = await client.exportWorkspace((step) => progress.push(step));
    expect(header.counts.runStates).toBe(1);
    expect(progress.at(-1)).toEqual({ done: 6, total: 6 });

    await database().runStates.clear();
    await database().runs.clear();
    const answer = await client.readFile(file);
    expect(answer.ok && answer.summary.find((row) => row.table === 'runStates')).toEqual({
      table: 'runStates',
      current: 0,
      incoming: 1,
    });
    await client.restore();

    expect(await snapshot(database())).toEqual(before);
  });

  it('cancels an export', async () => {
    await storeAppliedRun(database());
    const client = inProcessClient(database);
    const controller = new AbortController();

    const exported = client.exportWorkspace(() => controller.abort(), controller.signal);

    await expect(exported).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a non-backup file', async () => {
    await storeAppliedRun(database());
    const client = inProcessClient(database);

    const answer = await client.readFile(new Blob(['{"flows":[]}']));

    expect(answer).toEqual({ ok: false, error: { code: 'notABackup' } });
    await expect(client.restore()).rejects.toThrow(/No backup file has been read/);
    expect(await database().runStates.count()).toBe(1);
  });

  it('discards a read backup', async () => {
    await storeAppliedRun(database());
    const client = inProcessClient(database);
    const { file } = await client.exportWorkspace();
    await database().runs.clear();
    expect((await client.readFile(file)).ok).toBe(true);

    await client.discard();

    await expect(client.restore()).rejects.toThrow(/No backup file has been read/);
    expect(await database().runs.count()).toBe(0);
  });
});
