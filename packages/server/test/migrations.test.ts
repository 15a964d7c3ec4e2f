import { sql } from 'kysely';
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

describe('the compact decision tables on sqlite', () => {
  let testDatabase: TestDatabase | undefined;

  afterEach(async () => {
    await testDatabase?.drop();
    testDatabase = undefined;
  });

  it('rebuild state and audit tables so that a commit writes fewer pages, keeping their rows', async () => {
    testDatabase = await createTestDatabase('sqlite');
    const migrations = createMigrations('sqlite');
    const earlier = Object.keys(migrations).filter((name) => name < '0004');
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
    await database.db
      .insertInto('workspaces')
      .values({ id: 'w1', name: 'Old', created_at: new Date().toISOString(), change_seq: 1 })
      .execute();
    const stateRows = [
      { workspace_id: 'w1', scope: 'dedup', key: 'phone:13800000000', value: '"r1"' },
      { workspace_id: 'w1', scope: 'rr:f1', key: 'rr', value: '{"r1":1}' },
    ];
    await database.db.insertInto('allocation_state').values(stateRows).execute();
    const auditRow = {
      workspace_id: 'w1',
      flow_id: 'f1',
      flow_version: 1,
      lead_id: 'L1',
      owner_id: 'r1',
      route: '["rr:r1"]',
      reason: 'assigned',
      reason_text: null,
      decided_at: '2026-12-01T00:00:00.000Z',
      idempotency_key: null,
      token_id: 't',
    };
    await database.db
      .insertInto('audit_entries')
      .values([auditRow, { ...auditRow, lead_id: 'L2' }])
      .execute();

    const applied = await migrateToLatest(database);
    const schema = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where tbl_name in ('allocation_state', 'audit_entries')`.execute(
      database.db,
    );
    await database.db
      .insertInto('audit_entries')
      .values({ ...auditRow, lead_id: 'L3' })
      .execute();
    const state = await database.db.selectFrom('allocation_state').selectAll().execute();
    const audit = await database.db
      .selectFrom('audit_entries')
      .select(['id', 'lead_id'])
      .orderBy('id')
      .execute();
    await database.close();

    const sqlOf = new Map(schema.rows.map((row) => [row.name, row.sql]));
    expect(applied).toContain('0004-fewer-writes-per-decision');
    expect(sqlOf.get('allocation_state')).toMatch(/without rowid/i);
    expect(sqlOf.get('audit_entries')).not.toMatch(/autoincrement/i);
    expect([...sqlOf.keys()].filter((name) => name.startsWith('audit_entries_')).sort()).toEqual([
      'audit_entries_decided_at',
      'audit_entries_flow_id',
      'audit_entries_lead_id',
      'audit_entries_owner_id',
    ]);
    expect(state).toEqual(expect.arrayContaining(stateRows));
    expect(state).toHaveLength(2);
    expect(audit).toEqual([
      { id: 1, lead_id: 'L1' },
      { id: 2, lead_id: 'L2' },
      { id: 3, lead_id: 'L3' },
    ]);
  });
});
