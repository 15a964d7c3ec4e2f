import type { Table } from 'dexie';
import { getDatabase, type SrasDatabase } from '../../storage/db';
import type { SettingRecord } from '../../storage/records';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  FOOTER,
  HEADER_PREFIX,
  HEADER_SUFFIX,
  isDeviceSetting,
  type BackupHeader,
  type BackupTable,
} from './backup-format';
import { throwIfAborted, yieldToBrowser } from './yield-to-browser';

export interface BackupProgress {
  /** Records handled so far. */
  done: number;
  total: number;
}

export interface ExportOptions {
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
  database?: SrasDatabase;
}

// Chunk tables hold up to 1,000 rows per record, so they are read two
// records at a time to keep each step short, and a run's state can hold a
// million dedup keys, so states are read one at a time; other records are small.
const PAGE_SIZE: Partial<Record<BackupTable, number>> = {
  datasetRows: 2,
  runResults: 2,
  runStates: 1,
};
const DEFAULT_PAGE_SIZE = 200;

function keepRecord(table: BackupTable, record: unknown): boolean {
  return table !== 'settings' || !isDeviceSetting((record as SettingRecord).key);
}

async function countRecords(database: SrasDatabase): Promise<Record<BackupTable, number>> {
  const counts = {} as Record<BackupTable, number>;
  for (const name of BACKUP_TABLES) {
    if (name === 'settings') {
      const keys = await database.settings.toCollection().primaryKeys();
      counts.settings = keys.filter((key) => !isDeviceSetting(key)).length;
    } else {
      counts[name] = await database.table(name).count();
    }
  }
  return counts;
}

/**
 * Writes every backed-up table to the text of a backup file, a few records
 * per step with a pause for the browser between steps. Returns the file's
 * parts (join them with a Blob) and its header.
 */
export async function exportWorkspace(
  options: ExportOptions = {},
): Promise<{ parts: string[]; header: BackupHeader }> {
  const { onProgress, signal, database = getDatabase() } = options;
  await database.open();

  const counts = await countRecords(database);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: Date.now(),
    schemaVersion: database.verno,
    counts,
  };
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);

  const parts: string[] = [`${HEADER_PREFIX}${JSON.stringify(header)}${HEADER_SUFFIX}\n`];
  let done = 0;
  onProgress?.({ done, total });

  for (const name of BACKUP_TABLES) {
    const table: Table = database.table(name);
    const keys = await table.toCollection().primaryKeys();
    const pageSize = PAGE_SIZE[name] ?? DEFAULT_PAGE_SIZE;

    for (let start = 0; start < keys.length; start += pageSize) {
      throwIfAborted(signal);
      const records = await table.bulkGet(keys.slice(start, start + pageSize));
      for (const record of records) {
        if (record === undefined || !keepRecord(name, record)) continue;
        const separator = done === 0 ? '' : ',\n';
        parts.push(`${separator}${JSON.stringify({ table: name, record })}`);
        done += 1;
      }
      onProgress?.({ done, total });
      await yieldToBrowser();
    }
  }

  parts.push(`\n${FOOTER}\n`);
  return { parts, header };
}

/** A file name for a backup taken at `when`, e.g. `sras-backup-2026-12-04.json`. */
export function backupFileName(when: number): string {
  const date = new Date(when);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `sras-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}
