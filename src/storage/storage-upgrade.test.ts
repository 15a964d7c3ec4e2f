import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SrasDatabase } from './db';
import {
  isStorageUpgradePending,
  runStorageUpgrade,
  upgradeStorageOffThread,
  type StorageUpgradePort,
  type StorageUpgradeResult,
} from './storage-upgrade';

let counter = 0;
const names: string[] = [];

function freshName(): string {
  counter += 1;
  const name = `sras-upgrade-test-${counter}`;
  names.push(name);
  return name;
}

/** Stores a version 2 database whose applied run keeps its state of `keys` dedup keys inline. */
async function storeVersion2(name: string, keys: number): Promise<void> {
  const legacy = new Dexie(name);
  legacy.version(1).stores(SCHEMA_V1);
  legacy.version(2).stores(SCHEMA_V2);
  await legacy.open();
  const dedup: Record<string, string> = {};
  for (let index = 0; index < keys; index += 1) dedup[`phone:${index}`] = 'r1';
  const state = { format: 'sras.state', version: 1, dedup };
  await legacy.table('runs').add({
    id: 'run1',
    flowId: 'f1',
    flowRevision: 1,
    datasetId: 'd1',
    createdAt: 1,
    now: 1,
    leadCount: keys,
    summary: {},
    chunkSize: 1000,
    appliedAt: 2,
    stateAfter: state,
    stateBefore: null,
  });
  await legacy.table('allocationStates').add({ flowId: 'f1', state, updatedAt: 2, runId: 'run1' });
  legacy.close();
}

/** Creates a worker stand-in that upgrades `name` in this thread, or fails to start. */
function inProcessWorker(name: string, fails = false) {
  const terminate = vi.fn();
  const port: StorageUpgradePort = {
    addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => {
      if (type === 'error' && fails)
        setTimeout(() => listener({ message: 'script failed to load' } as never));
      if (type === 'message' && !fails)
        void runStorageUpgrade(name).then((data: StorageUpgradeResult) =>
          listener({ data } as never),
        );
    },
    terminate,
  };
  return { port, terminate };
}

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('isStorageUpgradePending', () => {
  it('is false without a stored database', async () => {
    expect(await isStorageUpgradePending(freshName())).toBe(false);
  });

  it('is false for a database at the current version', async () => {
    const name = freshName();
    const current = new SrasDatabase(name);
    await current.open();
    current.close();

    expect(await isStorageUpgradePending(name)).toBe(false);
  });

  it('is true for a version 2 database', async () => {
    const name = freshName();
    await storeVersion2(name, 1);

    expect(await isStorageUpgradePending(name)).toBe(true);
  });
});

describe('upgradeStorageOffThread', () => {
  it('moves the states of a version 2 database in the worker', async () => {
    const name = freshName();
    await storeVersion2(name, 20_000);
    const { port, terminate } = inProcessWorker(name);
    const onStart = vi.fn();

    await upgradeStorageOffThread({ name, startWorker: () => port, onStart });

    expect(onStart).toHaveBeenCalledOnce();
    expect(terminate).toHaveBeenCalledOnce();
    expect(await isStorageUpgradePending(name)).toBe(false);
    const upgraded = new SrasDatabase(name);
    const run = await upgraded.runs.get('run1');
    expect(run).not.toHaveProperty('stateAfter');
    expect(run?.stateDedupKeys).toBe(20_000);
    const stored = await upgraded.runStates.get('run1');
    expect(Object.keys((stored?.state as { dedup: object }).dedup)).toHaveLength(20_000);
    expect(await upgraded.allocationStates.get('f1')).toEqual({
      flowId: 'f1',
      updatedAt: 2,
      runId: 'run1',
    });
    upgraded.close();
  });

  it('starts no worker for a current database', async () => {
    const name = freshName();
    const current = new SrasDatabase(name);
    await current.open();
    current.close();
    const startWorker = vi.fn();

    await upgradeStorageOffThread({ name, startWorker });

    expect(startWorker).not.toHaveBeenCalled();
  });

  it('resolves and logs when the worker fails to start', async () => {
    const name = freshName();
    await storeVersion2(name, 1);
    const { port, terminate } = inProcessWorker(name, true);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await upgradeStorageOffThread({ name, startWorker: () => port });

    expect(terminate).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('script failed to load'));
    expect(await isStorageUpgradePending(name)).toBe(true);
    log.mockRestore();
  });
});
