import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, migrateToLatest, openDatabase } from '../src/index.js';
import { createMigrations } from '../src/db/migrations.js';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/test-database.js';

describe.each(dialects)('migrations on %s', (dialect) => {
  let testDatabase: TestDatabase | undefined;

  afterEach(async () => {
    await testDatabase?.drop();
    testDatabase = undefined;
  });

  it('create every table on a fresh database', async () => {
    testDatabase = await createTestDatabase(dialect);
    const database = openDatabase(testDatabase.options);

    const applied = await migrateToLatest(database);
    const tables = (await database.db.introspection.getTables()).map((table) => table.name);
    await database.close();

    expect(applied).toEqual(Object.keys(createMigrations(dialect)));
    expect(tables).toEqual(
      expect.arrayContaining([
        'workspaces',
        'tokens',
        'documents',
        'flow_versions',
        'allocation_state',
        'idempotency_records',
        'audit_entries',
      ]),
    );
  });

  it('leave an existing database and its data as they are', async () => {
    testDatabase = await createTestDatabase(dialect);
    const first = openDatabase(testDatabase.options);
    await migrateToLatest(first);
    const { workspaceId } = await createWorkspace(first, 'Kept');
    await first.close();

    const second = openDatabase(testDatabase.options);
    const applied = await migrateToLatest(second);
    const workspace = await second.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    await second.close();

    expect(applied).toEqual([]);
    expect(workspace?.name).toBe('Kept');
  });

  it('bring a database from the first migration to the latest', async () => {
    testDatabase = await createTestDatabase(dialect);
    const migrations = createMigrations(dialect);
    const [firstName] = Object.keys(migrations);
    const database = openDatabase(testDatabase.options);
    await migrations[firstName!]!.up(database.db as never);
    await database.db.schema
      .createTable('kysely_migration')
      .addColumn('name', 'varchar(255)', (col) => col.primaryKey())
      .addColumn('timestamp', 'varchar(255)', (col) => col.notNull())
      .execute();
    await database.db
      .insertInto('kysely_migration' as never)
      .values({ name: firstName, timestamp: new Date().toISOString() } as never)
      .execute();

    const applied = await migrateToLatest(database);
    await database.close();

    expect(applied).toEqual(Object.keys(migrations).slice(1));
  });
});
