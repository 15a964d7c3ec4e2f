/**
 * Runs a pending schema upgrade of the app's database in a worker before the
 * page opens it. The version 3 upgrade moves every run's state (up to a
 * million dedup keys each) out of its run record. In the page, reading and
 * writing one such record is a long task. The whole upgrade is one
 * transaction, so it cannot be split into short steps. A worker does not
 * block the page, and the page opens the database only once the worker has
 * upgraded it, so the page's own open finds nothing left to do.
 */
import { DATABASE_NAME, SrasDatabase } from './db';

/** Message the upgrade worker posts when it is done. */
export type StorageUpgradeResult = { ok: true } | { ok: false; message: string };

/** The part of a Web Worker the upgrade uses; tests pass an in-process one. */
export interface StorageUpgradePort {
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<StorageUpgradeResult>) => void,
  ): void;
  /** A worker whose script fails to load or throws reports an `error` event. */
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/**
 * Returns whether the stored database `name` is older than the schema this
 * build declares. It reads the version from `indexedDB.databases()`, which
 * does not open the database; without that API it returns false and the
 * page upgrades as it opens.
 */
export async function isStorageUpgradePending(
  name: string = DATABASE_NAME,
  factory: IDBFactory = indexedDB,
): Promise<boolean> {
  if (typeof factory.databases !== 'function') return false;

  const stored = (await factory.databases()).find((database) => database.name === name);
  if (!stored?.version) return false;
  // Dexie opens version N of its schema as IndexedDB version N × 10.
  const declared = Math.round(new SrasDatabase(name).verno * 10);
  return stored.version < declared;
}

/** Options of the upgrade; tests replace the worker and the database. */
export interface StorageUpgradeOptions {
  startWorker?: () => StorageUpgradePort;
  /** Called once an upgrade is found pending, before the worker starts. */
  onStart?: () => void;
  name?: string;
  factory?: IDBFactory;
}

/**
 * Upgrades the app's database in a worker when an upgrade is pending, and
 * resolves once it is done. A failed upgrade is logged and left for the
 * page's own open, which reports it.
 */
export async function upgradeStorageOffThread(options: StorageUpgradeOptions = {}): Promise<void> {
  const {
    startWorker = startUpgradeWorker,
    onStart,
    name = DATABASE_NAME,
    factory = indexedDB,
  } = options;
  // Should the check itself fail, the page's own open upgrades as before.
  const pending = await isStorageUpgradePending(name, factory).catch(() => false);
  if (!pending) return;

  onStart?.();
  const worker = startWorker();
  const result = await new Promise<StorageUpgradeResult>((resolve) => {
    worker.addEventListener('message', (event) => resolve(event.data));
    worker.addEventListener('error', (event) =>
      resolve({ ok: false, message: event.message || 'the worker did not start' }),
    );
  });
  worker.terminate();
  if (!result.ok) console.error(`The database upgrade in a worker failed: ${result.message}`);
}

function startUpgradeWorker(): StorageUpgradePort {
  return new Worker(new URL('./storage-upgrade.worker.ts', import.meta.url), {
    type: 'module',
    name: 'storage-upgrade',
  }) as StorageUpgradePort;
}

/** Opens and closes the database `name`, which runs its pending upgrade; for the worker. */
export async function runStorageUpgrade(
  name: string = DATABASE_NAME,
): Promise<StorageUpgradeResult> {
  const database = new SrasDatabase(name);
  try {
    await database.open();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    database.close();
  }
}
