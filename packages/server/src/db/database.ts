import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type SqliteDatabase,
  type SqliteStatement,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { createMigrationProvider, type Dialect } from './migrations.js';
import { PreparedQuery, type Slots } from './prepared-query.js';
import { withNamedStatements } from './postgres-statements.js';
import { startWalCheckpointer, type CheckpointReport } from './wal-checkpointer.js';
import { WriteGroups } from './write-groups.js';
import type { Database } from './schema.js';

/** An open database: the Kysely instance, which dialect it speaks, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  /**
   * The database for reads outside a transaction that need not wait for a
   * running write, such as token checks. On SQLite it is a second connection,
   * which WAL lets read the last commit while the first one writes. On
   * PostgreSQL it is the same pool as `db`.
   */
  readDb: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for the start-up message: a file path or the PostgreSQL host. */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Connections in the PostgreSQL pool; default 10. */
  poolSize?: number;
  /** Milliseconds to wait for a PostgreSQL connection before failing; default 0, no limit. */
  connectionTimeoutMs?: number;
  /** SQLite `synchronous` setting; default NORMAL. */
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  /**
   * Milliseconds between WAL checkpoints run by a worker thread, off the
   * event loop (see `startWalCheckpointer`); 0 or absent leaves them to
   * SQLite, inside the commit that fills the log. SQLite only.
   */
  sqliteCheckpointIntervalMs?: number;
  /** Called after a background checkpoint that copied pages. */
  onCheckpoint?: (report: CheckpointReport) => void;
  /** Called when background checkpoints cannot run and SQLite's own are back on. */
  onCheckpointError?: (error: Error) => void;
  /**
   * Called when an idle PostgreSQL connection fails (the server restarted or
   * ended it); the pool replaces the connection. Default: a line on stderr.
   */
  onConnectionError?: (error: Error) => void;
}

const SQLITE_FILE = 'sras.sqlite';
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
const PG_INT8 = 20;

/** Opens SQLite in `dataDir`, or PostgreSQL when `databaseUrl` is set. Does not migrate. */
export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    return openPostgres({ ...options, databaseUrl: options.databaseUrl });
  }
  return openSqlite(options);
}

function openSqlite(options: OpenDatabaseOptions): DatabaseHandle {
  const { dataDir } = options;
  const synchronous = options.sqliteSynchronous ?? 'NORMAL';
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  const connection = new SQLite(file);

  // WAL lets readers run beside the one writer. In WAL mode NORMAL keeps
  // every committed transaction through a crash of the process, and loses
  // the last ones only when the machine loses power; FULL (an fsync per
  // commit) keeps them then too, at several milliseconds per commit.
  // The busy timeout lets a second process on the same file wait for the
  // write lock.
  connection.pragma('journal_mode = WAL');
  connection.pragma(`synchronous = ${synchronous}`);
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 10000');
  // After a checkpoint has copied the whole log, the next writer starts it
  // again from the top and the file is cut down to this size.
  connection.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const checkpointer = options.sqliteCheckpointIntervalMs
    ? startWalCheckpointer(connection, {
        intervalMs: options.sqliteCheckpointIntervalMs,
        onCheckpoint: options.onCheckpoint,
        onError: options.onCheckpointError,
      })
    : null;

  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
  });
  // Kysely runs one query at a time per SQLite connection, so reads on the
  // write connection would wait for every write transaction to end.
  const reader = new SQLite(file);
  reader.pragma('busy_timeout = 10000');
  const readDb = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(reader) }),
  });
  return {
    db,
    readDb,
    dialect: 'sqlite',
    location: file,
    close: async () => {
      await checkpointer?.stop();
      await readDb.destroy();
      await db.destroy();
    },
  };
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Wraps a better-sqlite3 connection so that Kysely reuses prepared
 * statements: preparing costs about as much as running a small query, and
 * the allocation path runs the same dozen statements on every request.
 */
function withStatementCache(connection: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => connection.close(),
    prepare: (text) => {
      const cached = statements.get(text);
      if (cached) return cached;

      const statement = connection.prepare(text) as unknown as SqliteStatement;
      if (statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

function openPostgres(options: OpenDatabaseOptions & { databaseUrl: string }): DatabaseHandle {
  const { databaseUrl, onConnectionError } = options;
  // bigint columns hold counters far below 2^53, so they are read as numbers.
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === PG_INT8 && format !== 'binary'
        ? (value: string) => Number(value)
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 0,
    types,
  });
  // Without a listener, an idle connection's error would end the process.
  pool.on('error', (error) => {
    if (onConnectionError) onConnectionError(error);
    else process.stderr.write(`idle PostgreSQL connection failed: ${error.message}\n`);
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: withNamedStatements(pool) }),
  });
  return {
    db,
    readDb: db,
    dialect: 'postgres',
    location: describePostgres(databaseUrl),
    close: () => db.destroy(),
  };
}

function describePostgres(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `postgresql://${url.host}${url.pathname}`;
  } catch {
    return 'postgresql';
  }
}

/** Runs every pending migration; throws with the failing migration's name when one fails. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: createMigrationProvider(handle.dialect),
  });
  const { error, results } = await migrator.migrateToLatest();

  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const name = failed ? ` "${failed.migrationName}"` : '';
    throw new Error(`Database migration${name} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}

const lockWorkspace = new PreparedQuery((db, slots: Slots<{ workspaceId: string }>) =>
  db.selectFrom('workspaces').select('id').where('id', '=', slots.value('workspaceId')).forUpdate(),
);

const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/**
 * Runs `work` in a transaction that holds the workspace's write lock, so that
 * writes of one workspace never interleave, across processes too: PostgreSQL
 * locks the workspace row (`SELECT … FOR UPDATE`), SQLite takes the database
 * write lock at `BEGIN IMMEDIATE`. Returns undefined when the workspace does
 * not exist.
 */
export async function inWorkspaceTransaction<T>(
  handle: DatabaseHandle,
  workspaceId: string,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return inWriteTransaction(handle, async (trx) => {
    if (handle.dialect === 'postgres') await lockWorkspace.execute(trx, { workspaceId });
    return work(trx);
  });
}

const writeGroups = new WeakMap<DatabaseHandle, WriteGroups>();

/**
 * Runs `work` like {@link inWorkspaceTransaction}, except that on SQLite it
 * may share its transaction with other writes queued at the same time (group
 * commit, see `WriteGroups`). `work` then reads the writes queued before it,
 * and its promise settles after the shared commit. Use it for short writes
 * that arrive in bursts, such as allocations.
 */
export async function inGroupedWorkspaceTransaction<T>(
  handle: DatabaseHandle,
  workspaceId: string,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (handle.dialect === 'postgres') return inWorkspaceTransaction(handle, workspaceId, work);

  let groups = writeGroups.get(handle);
  if (groups === undefined) {
    groups = new WriteGroups(handle.db);
    writeGroups.set(handle, groups);
  }
  return groups.run(work);
}

/**
 * Runs `work` in a write transaction. On SQLite the transaction takes the
 * write lock at its start, so two transactions never read the same state and
 * then both write. On PostgreSQL callers lock what they change.
 */
export async function inWriteTransaction<T>(
  handle: DatabaseHandle,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (handle.dialect === 'postgres') {
    return handle.db.transaction().execute((trx: Transaction<Database>) => work(trx));
  }

  return handle.db.connection().execute(async (connection) => {
    await connection.executeQuery(BEGIN_IMMEDIATE);
    try {
      const result = await work(connection);
      await connection.executeQuery(COMMIT);
      return result;
    } catch (error) {
      await connection.executeQuery(ROLLBACK);
      throw error;
    }
  });
}

/** Takes a transaction-scoped lock on a name (PostgreSQL only; SQLite's write lock already serialises). */
export async function lockName(
  handle: DatabaseHandle,
  trx: Kysely<Database>,
  name: string,
): Promise<void> {
  if (handle.dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}
