/**
 * The workspace backup file, format `sras.backup` version 1.
 *
 * The file is one JSON object, written one record per line so that it can be
 * written and read in small steps without holding up the page:
 *
 *     {"header":{"format":"sras.backup","version":1,…},"records":[
 *     {"table":"flows","record":{…}},
 *     …
 *     {"table":"settings","record":{…}}
 *     ]}
 *
 * A reader that finds another layout (a file re-indented by an editor) falls
 * back to parsing the whole text at once.
 */
import type { SrasDatabase } from '../../storage/db';

export const BACKUP_FORMAT = 'sras.backup';
export const BACKUP_VERSION = 1;

/** Tables a backup holds, in the order they are written and restored. */
export const BACKUP_TABLES = [
  'flows',
  'flowVersions',
  'reps',
  'teams',
  'datasets',
  'datasetRows',
  'runs',
  'runResults',
  'runStates',
  'allocationStates',
  'targetPlans',
  'columnMappings',
  'settings',
] as const satisfies readonly (keyof SrasDatabase)[];

export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Epoch milliseconds. */
  exportedAt: number;
  /** Database schema version the records were read from. */
  schemaVersion: number;
  /** Records per table. */
  counts: Record<BackupTable, number>;
}

export interface BackupLine {
  table: BackupTable;
  record: unknown;
}

/** Settings that belong to this browser only and are neither backed up nor replaced on restore. */
export function isDeviceSetting(key: string): boolean {
  return key.startsWith('device.');
}

export const HEADER_PREFIX = '{"header":';
export const HEADER_SUFFIX = ',"records":[';
export const FOOTER = ']}';
