import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/index.js';
import { createTestDatabase, postgresUrl, type TestDatabase } from './helpers/test-database.js';

describe.skipIf(!postgresUrl)('PostgreSQL connection pool', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;
  const errors: Error[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase('postgres');
    database = openDatabase({
      ...testDatabase.options,
      onConnectionError: (error) => errors.push(error),
    });
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it('survives the server ending its idle connections', async () => {
    const name = new URL(testDatabase.options.databaseUrl!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
      name,
    ]);
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const result = await sql<{ one: number }>`select 1 as one`.execute(database.db);

    expect(errors.length).toBeGreaterThan(0);
    expect(result.rows[0]?.one).toBe(1);
  });
});
