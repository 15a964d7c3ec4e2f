import { ConfigError, loadConfig } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import type { CheckpointReport } from './db/wal-checkpointer.js';
import { purgeIdempotencyRecords } from './allocation/idempotency.js';
import { pruneExpiredStateRows } from './allocation/state-pruning.js';
import { buildServer } from './server.js';

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Starts the server: reads the environment, migrates the database, listens,
 * and prints the address. Stops cleanly on SIGINT and SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  let logConnectionError = (error: Error): void => {
    process.stderr.write(`idle PostgreSQL connection failed: ${error.message}\n`);
  };
  let logCheckpointError = (error: Error): void => {
    process.stderr.write(`${error.message}; SQLite checkpoints in commits again\n`);
  };
  let logCheckpoint = (_report: CheckpointReport): void => undefined;
  const database = openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
    sqliteCheckpointIntervalMs: config.sqliteCheckpointIntervalMs,
    onConnectionError: (error) => logConnectionError(error),
    onCheckpoint: (report) => logCheckpoint(report),
    onCheckpointError: (error) => logCheckpointError(error),
  });
  await migrateToLatest(database);

  const app = await buildServer({ config, database });
  logConnectionError = (error) =>
    app.log.error({ err: error }, 'idle PostgreSQL connection failed; the pool replaces it');
  logCheckpointError = (error) =>
    app.log.error(
      { err: error },
      'background WAL checkpoints stopped; SQLite checkpoints in commits again',
    );
  logCheckpoint = (report) => app.log.debug(report, 'WAL checkpoint');
  const purge = async () => {
    const cutoff = new Date(Date.now() - config.idempotencyTtlHours * 3_600_000);
    try {
      const removed = await purgeIdempotencyRecords(database.db, cutoff);
      if (removed > 0) app.log.info({ removed, cutoff }, 'purged old idempotency records');
    } catch (error) {
      app.log.error({ err: error }, 'purging idempotency records failed');
    }
    try {
      const removed = await pruneExpiredStateRows(database.db, new Date());
      if (removed > 0) app.log.info({ removed }, 'pruned counters of expired periods');
    } catch (error) {
      app.log.error({ err: error }, 'pruning counters of expired periods failed');
    }
  };
  const purgeTimer = setInterval(() => void purge(), PURGE_INTERVAL_MS);
  purgeTimer.unref();
  void purge();
  const stop = async (signal: string): Promise<void> => {
    app.log.info({ signal }, 'stopping');
    clearInterval(purgeTimer);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  app.log.info({ url, database: database.location }, 'server started');
  process.stdout.write(`sras server listening on ${url} (database: ${database.location})\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error);
  process.stderr.write(`sras server failed to start: ${message}\n`);
  process.exit(1);
});
