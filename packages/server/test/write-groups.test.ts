import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inGroupedWorkspaceTransaction, openDatabase, type DatabaseHandle } from '../src/index.js';
import type { Database } from '../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

describe('grouped write transactions on sqlite', () => {
  let testDatabase: TestDatabase;
  let handle: DatabaseHandle;

  beforeEach(async () => {
    testDatabase = await createTestDatabase('sqlite');
    handle = openDatabase(testDatabase.options);
    await sql`create table items (name text not null)`.execute(handle.db);
  });
  afterEach(async () => {
    await handle.close();
    await testDatabase.drop();
  });

  const insert = (trx: Kysely<Database>, name: string) =>
    sql`insert into items (name) values (${name})`.execute(trx);
  const names = async (db: Kysely<Database>) =>
    (await sql<{ name: string }>`select name from items order by rowid`.execute(db)).rows.map(
      (row) => row.name,
    );
  const write = <T>(work: (trx: Kysely<Database>) => Promise<T>) =>
    inGroupedWorkspaceTransaction(handle, 'w1', work);

  it('shares one transaction among writes queued together', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        write(async (trx) => {
          await insert(trx, name);
          return { inside: await names(trx), committed: await names(handle.readDb) };
        }),
      ),
    );

    expect(seen[2]).toEqual({ inside: ['a', 'b', 'c'], committed: [] });
    expect(await names(handle.readDb)).toEqual(['a', 'b', 'c']);
  });

  it('settles each write only after the shared commit', async () => {
    const committedAtResolve = await Promise.all(
      ['a', 'b'].map((name) => write((trx) => insert(trx, name)).then(() => names(handle.readDb))),
    );

    expect(committedAtResolve).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('rolls back only the write that throws', async () => {
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c'].map((name) =>
        write(async (trx) => {
          await insert(trx, name);
          if (name === 'b') throw new Error('lead b is invalid');
          return name;
        }),
      ),
    );

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('lead b is invalid'));
    expect(await names(handle.readDb)).toEqual(['a', 'c']);
  });

  it('rejects the whole group on an error from SQLite', async () => {
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c'].map((name) =>
        write(async (trx) => {
          await insert(trx, name);
          if (name === 'b') await sql`insert into missing_table values (1)`.execute(trx);
        }),
      ),
    );

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/missing_table/);
    expect(await names(handle.readDb)).toEqual([]);
  });

  it('runs writes queued during a group in the next one', async () => {
    let later: Promise<string[]> | undefined;
    await write(async (trx) => {
      await insert(trx, 'first');
      later = write(async (inner) => {
        await insert(inner, 'second');
        return names(inner);
      });
    });

    expect(await later).toEqual(['first', 'second']);
    expect(await names(handle.readDb)).toEqual(['first', 'second']);
  });
});
