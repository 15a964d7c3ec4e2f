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
        'saved_version_documents',
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

  it('move saved version documents out of the version list', async () => {
    testDatabase = await createTestDatabase(dialect);
    const migrations = createMigrations(dialect);
    const earlier = Object.keys(migrations).slice(0, 2);
    const database = openDatabase(testDatabase.options);
    for (const name of earlier) await migrations[name]!.up(database.db as never);
    await database.db.schema
      .createTable('kysely_migration')
      .addColumn('name', 'varchar(255)', (col) => col.primaryKey())
      .addColumn('timestamp', 'varchar(255)', (col) => col.notNull())
      .execute();
    for (const name of earlier) {
      await database.db
        .insertInto('kysely_migration' as never)
        .values({ name, timestamp: new Date().toISOString() } as never)
        .execute();
    }
    const document = { format: 'sras.flow', version: 1, id: 'f1', name: 'F', nodes: [], edges: [] };
    const item = { id: 'version_1', flowId: 'f1', name: '上线前', createdAt: 1, document };
    await database.db
      .insertInto('workspaces')
      .values({ id: 'w1', name: 'Old', created_at: new Date().toISOString(), change_seq: 1 })
      .execute();
    await database.db
      .insertInto('documents')
      .values({
        workspace_id: 'w1',
        kind: 'flow-versions',
        id: 'default',
        revision: 4,
        body: JSON.stringify([item]),
        deleted: 0,
        change_seq: 1,
        updated_at: new Date().toISOString(),
        published_version: null,
      })
      .execute();

    await migrateToLatest(database);
    const list = await database.db
      .selectFrom('documents')
      .select(['body', 'revision'])
      .where('kind', '=', 'flow-versions')
      .executeTakeFirstOrThrow();
    const stored = await database.db.selectFrom('saved_version_documents').selectAll().execute();
    await database.close();

    const { document: _document, ...summary } = item;
    expect(JSON.parse(list.body!)).toEqual([summary]);
    expect(list.revision).toBe(4);
    expect(stored).toEqual([
      { workspace_id: 'w1', id: 'version_1', flow_id: 'f1', body: JSON.stringify(document) },
    ]);
  });
});
