import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/index.js';
import { inWriteTransaction } from '../src/db/database.js';
import { PreparedQuery, type Slots } from '../src/db/prepared-query.js';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/test-database.js';

interface StateRow {
  scope: string;
  key: string;
  value: string;
}

describe.each(dialects)('PreparedQuery on %s', (dialect) => {
  let testDatabase: TestDatabase;
  let handle: DatabaseHandle;
  let builds = 0;

  const insertRows = new PreparedQuery(
    (db, slots: Slots<{ workspaceId: string; rows: StateRow[] }>) => {
      builds += 1;
      return db.insertInto('allocation_state').values(
        slots.rows('rows', ['scope', 'key', 'value']).map((row) => ({
          workspace_id: slots.value('workspaceId'),
          ...row,
        })),
      );
    },
  );
  const selectKeys = new PreparedQuery(
    (db, slots: Slots<{ workspaceId: string; keys: string[] }>) => {
      builds += 1;
      return db
        .selectFrom('allocation_state')
        .select(['key', 'value'])
        .where('workspace_id', '=', slots.value('workspaceId'))
        .where('scope', '=', 'dedup')
        .where('key', 'in', slots.list('keys'))
        .orderBy('key');
    },
  );
  const row = (key: string, value: string): StateRow => ({ scope: 'dedup', key, value });

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect);
    handle = openDatabase(testDatabase.options);
    await migrateToLatest(handle);
    await handle.db
      .insertInto('workspaces')
      .values([
        { id: 'w1', name: 'one', created_at: '2026-12-05T00:00:00Z', change_seq: 0 },
        { id: 'w2', name: 'two', created_at: '2026-12-05T00:00:00Z', change_seq: 0 },
      ])
      .execute();
  });
  afterAll(async () => {
    await handle.close();
    await testDatabase.drop();
  });

  it('reuses compiled SQL with new values', async () => {
    builds = 0;
    await insertRows.execute(handle.db, { workspaceId: 'w1', rows: [row('a', '"x"')] });
    await insertRows.execute(handle.db, { workspaceId: 'w2', rows: [row('b', '"y"')] });

    const first = await selectKeys.rows(handle.db, { workspaceId: 'w1', keys: ['a', 'b'] });
    const second = await selectKeys.rows(handle.db, { workspaceId: 'w2', keys: ['a', 'b'] });

    expect(first).toEqual([{ key: 'a', value: '"x"' }]);
    expect(second).toEqual([{ key: 'b', value: '"y"' }]);
    expect(builds).toBe(2);
  });

  it('compiles once per list length', async () => {
    builds = 0;
    await insertRows.execute(handle.db, {
      workspaceId: 'w1',
      rows: [row('c', '"z"'), row('d', 'null')],
    });

    const three = await selectKeys.rows(handle.db, { workspaceId: 'w1', keys: ['a', 'c', 'd'] });
    const four = await selectKeys.rows(handle.db, {
      workspaceId: 'w1',
      keys: ['c', 'd', 'e', 'f'],
    });
    const threeAgain = await selectKeys.first(handle.db, {
      workspaceId: 'w1',
      keys: ['x', 'y', 'd'],
    });

    expect(three.map((found) => found.key)).toEqual(['a', 'c', 'd']);
    expect(four.map((found) => found.key)).toEqual(['c', 'd']);
    expect(threeAgain).toEqual({ key: 'd', value: 'null' });
    // Two rows, three keys and four keys are new shapes; the second call with three keys is not.
    expect(builds).toBe(3);
  });

  it('runs inside the given transaction', async () => {
    const attempt = inWriteTransaction(handle, async (trx) => {
      await insertRows.execute(trx, { workspaceId: 'w1', rows: [row('rolled-back', '"r"')] });
      expect(await selectKeys.rows(trx, { workspaceId: 'w1', keys: ['rolled-back'] })).toHaveLength(
        1,
      );
      throw new Error('undo');
    });

    await expect(attempt).rejects.toThrow('undo');
    expect(await selectKeys.rows(handle.db, { workspaceId: 'w1', keys: ['rolled-back'] })).toEqual(
      [],
    );
  });

  it('keeps working after a failed call', async () => {
    const duplicate = insertRows.execute(handle.db, { workspaceId: 'w1', rows: [row('a', '"x"')] });

    await expect(duplicate).rejects.toThrow();
    expect(await selectKeys.first(handle.db, { workspaceId: 'w1', keys: ['a'] })).toEqual({
      key: 'a',
      value: '"x"',
    });
  });
});
