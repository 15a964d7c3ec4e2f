import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFreshDatabase } from '../test/database';
import { isQuotaExceededError, StorageFullError, writeTransaction } from './storage-full';

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('isQuotaExceededError', () => {
  it('recognises the error itself', () => {
    expect(isQuotaExceededError(quotaError())).toBe(true);
  });

  it('recognises it inside a Dexie AbortError', () => {
    expect(isQuotaExceededError(new Dexie.AbortError('Transaction aborted', quotaError()))).toBe(
      true,
    );
  });

  it('recognises it as the cause of another error', () => {
    expect(isQuotaExceededError(new Error('write failed', { cause: quotaError() }))).toBe(true);
  });

  it('rejects other errors', () => {
    expect(isQuotaExceededError(new Dexie.AbortError('Transaction aborted'))).toBe(false);
    expect(isQuotaExceededError(new Error('boom'))).toBe(false);
    expect(isQuotaExceededError(null)).toBe(false);
  });
});

describe('writeTransaction', () => {
  const database = useFreshDatabase();

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('saves every write of the scope', async () => {
    await writeTransaction(
      (db) => [db.settings],
      async (db) => {
        await db.settings.put({ key: 'a', value: 1 });
        await db.settings.put({ key: 'b', value: 2 });
      },
    );

    expect(await database().settings.count()).toBe(2);
  });

  it('reports a full disk as StorageFullError and rolls the transaction back', async () => {
    await database().settings.put({ key: 'existing', value: 0 });
    const originalPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      calls += 1;
      if (calls === 3) throw quotaError();
      return originalPut.apply(this, args);
    });

    const write = writeTransaction(
      (db) => [db.settings],
      async (db) => {
        for (let index = 0; index < 5; index += 1) {
          await db.settings.put({ key: `row-${index}`, value: index });
        }
      },
    );

    await expect(write).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await database().settings.toArray()).toEqual([{ key: 'existing', value: 0 }]);
  });

  it('passes other errors through unchanged', async () => {
    const failure = new Error('not a quota problem');

    const write = writeTransaction(
      (db) => [db.settings],
      async (db) => {
        await db.settings.put({ key: 'x', value: 1 });
        throw failure;
      },
    );

    await expect(write).rejects.toBe(failure);
    expect(await database().settings.count()).toBe(0);
  });
});
