import { type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Migrations in code, keyed by name in the order they run. Each works on both
 * dialects; `dialect` picks the column types that differ. Never edit a
 * migration that has shipped: add a new one.
 */
export function createMigrations(dialect: Dialect): Record<string, Migration> {
  const autoId = dialect === 'postgres' ? 'bigserial' : 'integer';

  return {
    '0001-workspaces-tokens-documents': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('workspaces')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('created_at', 'text', (col) => col.notNull())
          .addColumn('change_seq', 'bigint', (col) => col.notNull().defaultTo(0))
          .execute();

        await db.schema
          .createTable('tokens')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('workspace_id', 'text', (col) =>
            col.notNull().references('workspaces.id').onDelete('cascade'),
          )
          .addColumn('token_hash', 'text', (col) => col.notNull().unique())
          .addColumn('role', 'text', (col) => col.notNull())
          .addColumn('flow_id', 'text')
          .addColumn('label', 'text')
          .addColumn('created_at', 'text', (col) => col.notNull())
          .addColumn('expires_at', 'text')
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createIndex('tokens_workspace')
          .on('tokens')
          .column('workspace_id')
          .execute();

        await db.schema
          .createTable('documents')
          .addColumn('workspace_id', 'text', (col) =>
            col.notNull().references('workspaces.id').onDelete('cascade'),
          )
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('id', 'text', (col) => col.notNull())
          .addColumn('revision', 'integer', (col) => col.notNull())
          .addColumn('body', 'text')
          .addColumn('deleted', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('change_seq', 'bigint', (col) => col.notNull())
          .addColumn('updated_at', 'text', (col) => col.notNull())
          .addColumn('published_version', 'integer')
          .addPrimaryKeyConstraint('documents_pk', ['workspace_id', 'kind', 'id'])
          .execute();
        await db.schema
          .createIndex('documents_changes')
          .on('documents')
          .columns(['workspace_id', 'change_seq'])
          .execute();

        await db.schema
          .createTable('flow_versions')
          .addColumn('workspace_id', 'text', (col) =>
            col.notNull().references('workspaces.id').onDelete('cascade'),
          )
          .addColumn('flow_id', 'text', (col) => col.notNull())
          .addColumn('version', 'integer', (col) => col.notNull())
          .addColumn('revision', 'integer', (col) => col.notNull())
          .addColumn('body', 'text', (col) => col.notNull())
          .addColumn('published_at', 'text', (col) => col.notNull())
          .addPrimaryKeyConstraint('flow_versions_pk', ['workspace_id', 'flow_id', 'version'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('flow_versions').execute();
        await db.schema.dropTable('documents').execute();
        await db.schema.dropTable('tokens').execute();
        await db.schema.dropTable('workspaces').execute();
      },
    },

    '0002-allocation': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('allocation_state')
          .addColumn('workspace_id', 'text', (col) =>
            col.notNull().references('workspaces.id').onDelete('cascade'),
          )
          .addColumn('scope', 'text', (col) => col.notNull())
          .addColumn('key', 'text', (col) => col.notNull())
          .addColumn('value', 'text', (col) => col.notNull())
          .addPrimaryKeyConstraint('allocation_state_pk', ['workspace_id', 'scope', 'key'])
          .execute();

        await db.schema
          .createTable('idempotency_records')
          .addColumn('workspace_id', 'text', (col) =>
            col.notNull().references('workspaces.id').onDelete('cascade'),
          )
          .addColumn('key', 'text', (col) => col.notNull())
          .addColumn('request_hash', 'text', (col) => col.notNull())
          .addColumn('status_code', 'integer', (col) => col.notNull())
          .addColumn('response', 'text', (col) => col.notNull())
          .addColumn('created_at', 'text', (col) => col.notNull())
          .addPrimaryKeyConstraint('idempotency_records_pk', ['workspace_id', 'key'])
          .execute();

        await db.schema
          .createTable('audit_entries')
          .addColumn('id', autoId, (col) =>
            dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey(),
          )
          .addColumn('workspace_id', 'text', (col) =>
            col.notNull().references('workspaces.id').onDelete('cascade'),
          )
          .addColumn('flow_id', 'text', (col) => col.notNull())
          .addColumn('flow_version', 'integer', (col) => col.notNull())
          .addColumn('lead_id', 'text', (col) => col.notNull())
          .addColumn('owner_id', 'text')
          .addColumn('route', 'text', (col) => col.notNull())
          .addColumn('reason', 'text', (col) => col.notNull())
          .addColumn('reason_text', 'text')
          .addColumn('decided_at', 'text', (col) => col.notNull())
          .addColumn('idempotency_key', 'text')
          .addColumn('token_id', 'text', (col) => col.notNull())
          .execute();
        for (const column of ['flow_id', 'owner_id', 'lead_id', 'decided_at']) {
          await db.schema
            .createIndex(`audit_entries_${column}`)
            .on('audit_entries')
            .columns(['workspace_id', column, 'id'])
            .execute();
        }
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('audit_entries').execute();
        await db.schema.dropTable('idempotency_records').execute();
        await db.schema.dropTable('allocation_state').execute();
      },
    },

    '0003-saved-version-documents': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('saved_version_documents')
          .addColumn('workspace_id', 'text', (col) =>
            col.notNull().references('workspaces.id').onDelete('cascade'),
          )
          .addColumn('id', 'text', (col) => col.notNull())
          .addColumn('flow_id', 'text', (col) => col.notNull())
          .addColumn('body', 'text', (col) => col.notNull())
          .addPrimaryKeyConstraint('saved_version_documents_pk', ['workspace_id', 'id'])
          .execute();
        await splitSavedVersionLists(db as unknown as Kysely<Database>);
      },
      async down(db: Kysely<unknown>) {
        await joinSavedVersionLists(db as unknown as Kysely<Database>);
        await db.schema.dropTable('saved_version_documents').execute();
      },
    },
  };
}

/** A Kysely migration provider over {@link createMigrations}. */
export function createMigrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => createMigrations(dialect) };
}

/**
 * Moves the document of every saved version out of the `flow-versions`
 * lists into `saved_version_documents`, leaving each list item's other
 * fields. Revisions stay as they are: the list's content is the same.
 */
async function splitSavedVersionLists(db: Kysely<Database>): Promise<void> {
  const lists = await db
    .selectFrom('documents')
    .select(['workspace_id', 'id', 'body'])
    .where('kind', '=', 'flow-versions')
    .where('body', 'is not', null)
    .execute();

  for (const list of lists) {
    const items = JSON.parse(list.body as string) as Record<string, unknown>[];
    const summaries = items.map(({ document: _document, ...summary }) => summary);
    for (const item of items) {
      if (item.document === undefined) continue;
      await db
        .insertInto('saved_version_documents')
        .values({
          workspace_id: list.workspace_id,
          id: String(item.id),
          flow_id: String(item.flowId),
          body: JSON.stringify(item.document),
        })
        .onConflict((conflict) => conflict.columns(['workspace_id', 'id']).doNothing())
        .execute();
    }
    await db
      .updateTable('documents')
      .set({ body: JSON.stringify(summaries) })
      .where('workspace_id', '=', list.workspace_id)
      .where('kind', '=', 'flow-versions')
      .where('id', '=', list.id)
      .execute();
  }
}

/** Puts the documents back into the `flow-versions` lists, undoing {@link splitSavedVersionLists}. */
async function joinSavedVersionLists(db: Kysely<Database>): Promise<void> {
  const lists = await db
    .selectFrom('documents')
    .select(['workspace_id', 'id', 'body'])
    .where('kind', '=', 'flow-versions')
    .where('body', 'is not', null)
    .execute();

  for (const list of lists) {
    const rows = await db
      .selectFrom('saved_version_documents')
      .select(['id', 'body'])
      .where('workspace_id', '=', list.workspace_id)
      .execute();
    const bodies = new Map(rows.map((row) => [row.id, row.body]));
    const items = (JSON.parse(list.body as string) as Record<string, unknown>[]).map((item) => {
      const body = bodies.get(String(item.id));
      return body === undefined ? item : { ...item, document: JSON.parse(body) as unknown };
    });
    await db
      .updateTable('documents')
      .set({ body: JSON.stringify(items) })
      .where('workspace_id', '=', list.workspace_id)
      .where('kind', '=', 'flow-versions')
      .where('id', '=', list.id)
      .execute();
  }
}
