import { getDatabase, type SrasDatabase } from '../../storage/db';
import { moveRunStatesOut } from '../../storage/run-states';
import { toStorageError } from '../../storage/storage-full';
import { BACKUP_TABLES, isDeviceSetting, type BackupTable } from './backup-format';
import type { BackupProgress } from './backup-export';
import type { ParsedBackup } from './backup-read';

export interface RestoreSummaryRow {
  table: BackupTable;
  /** Records stored now, all of which the restore replaces. */
  current: number;
  /** Records in the backup. */
  incoming: number;
}

/** What a restore of `backup` would replace, table by table. */
export async function summariseRestore(
  backup: ParsedBackup,
  database: SrasDatabase = getDatabase(),
): Promise<RestoreSummaryRow[]> {
  const rows: RestoreSummaryRow[] = [];
  for (const table of BACKUP_TABLES) {
    const current =
      table === 'settings'
        ? (await database.settings.toCollection().primaryKeys()).filter(
            (key) => !isDeviceSetting(key),
          ).length
        : await database.table(table).count();
    rows.push({ table, current, incoming: backup.records[table].length });
  }
  return rows;
}

// Small batches, each awaited, so that the structured cloning of large row
// chunks is spread over many short tasks inside the one transaction.
const BATCH_SIZE: Partial<Record<BackupTable, number>> = {
  datasetRows: 2,
  runResults: 2,
  runStates: 1,
};
const DEFAULT_BATCH_SIZE = 200;

/**
 * Replaces every backed-up table with the backup's records in one
 * transaction: either everything is restored or nothing changes. Settings
 * that belong to this browser are kept. A backup written before database
 * version 3 has the states inside its runs and saved states, so they are
 * moved to `runStates` as the version 3 upgrade does. Throws StorageFullError when the
 * browser runs out of space.
 */
export async function restoreWorkspace(
  backup: ParsedBackup,
  options: { onProgress?: (progress: BackupProgress) => void; database?: SrasDatabase } = {},
): Promise<void> {
  const { onProgress, database = getDatabase() } = options;
  const tables = BACKUP_TABLES.map((name) => database.table(name));
  const total = BACKUP_TABLES.reduce((sum, name) => sum + backup.records[name].length, 0);
  let done = 0;

  try {
    await database.transaction('rw', tables, async () => {
      for (const name of BACKUP_TABLES) {
        const table = database.table(name);
        if (name === 'settings') {
          await database.settings.filter((setting) => !isDeviceSetting(setting.key)).delete();
        } else {
          await table.clear();
        }

        const records = backup.records[name];
        const batchSize = BATCH_SIZE[name] ?? DEFAULT_BATCH_SIZE;
        for (let start = 0; start < records.length; start += batchSize) {
          const batch = records.slice(start, start + batchSize);
          await table.bulkAdd(batch);
          done += batch.length;
          onProgress?.({ done, total });
        }
      }
      await moveRunStatesOut(database);
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
