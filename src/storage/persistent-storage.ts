/**
 * Persistent storage: without it the browser may delete the database when
 * the disk runs low. The app asks once, on the first start, and remembers the
 * answer in the `settings` table under `device.storagePersistence`.
 */
import { getDatabase } from './db';

export type PersistenceStatus = 'granted' | 'denied' | 'unsupported';

export const PERSISTENCE_SETTING_KEY = 'device.storagePersistence';

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Returns whether the browser keeps this site's data, asking for persistence
 * when it was never asked before.
 */
export async function ensurePersistentStorage(): Promise<PersistenceStatus> {
  const manager = storageManager();
  if (!manager?.persisted || !manager.persist) return 'unsupported';

  if (await manager.persisted()) return 'granted';

  const settings = getDatabase().settings;
  const previous = await settings.get(PERSISTENCE_SETTING_KEY);
  if (previous) return 'denied';

  const granted = await manager.persist();
  await settings.put({ key: PERSISTENCE_SETTING_KEY, value: { askedAt: Date.now(), granted } });
  return granted ? 'granted' : 'denied';
}

export interface StorageUsage {
  usedBytes: number;
  quotaBytes: number;
}

/** The browser's estimate of the space this site uses and may use. */
export async function estimateStorageUsage(): Promise<StorageUsage | undefined> {
  const manager = storageManager();
  if (!manager?.estimate) return undefined;

  const estimate = await manager.estimate();
  if (estimate.usage === undefined || estimate.quota === undefined) return undefined;
  return { usedBytes: estimate.usage, quotaBytes: estimate.quota };
}
