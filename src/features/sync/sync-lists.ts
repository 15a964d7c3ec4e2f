/**
 * The local data synced as one server list each, and how it maps to the
 * server's items. Tables (reps, teams, target plans, flow versions) map row
 * for row: server items carry the shared fields, and local bookkeeping
 * fields are filled in when a list is pulled. The existing-owner list is
 * the newest imported owners dataset; see `existingOwnersBinding`.
 */
import i18next from 'i18next';
import type { Table } from 'dexie';
import { getDatabase, ROW_CHUNK_SIZE, type SrasDatabase } from '../../storage/db';
import type {
  DatasetColumn,
  DatasetRecord,
  FlowVersionRecord,
  RepRecord,
  TargetPlanRecord,
  TeamRecord,
} from '../../storage/records';
import { writeTransaction } from '../../storage/storage-full';
import { readExistingOwners } from '../simulation/worker/dataset-source';
import type { ListKind } from './sync-api.client';

export interface ListBinding {
  kind: ListKind;
  /** The local list as the server's items. */
  read: () => Promise<unknown[]>;
  /** A text that changes whenever the local list changes; `EMPTY_LIST_FINGERPRINT` for none. */
  fingerprint: () => Promise<string>;
  /** Replaces the local list with the server's items in one transaction. */
  replace: (items: unknown[]) => Promise<void>;
}

/** Fingerprint of a list without items. */
export const EMPTY_LIST_FINGERPRINT = '[]';

/** Id of the owners dataset that contains the existing-owner list pulled from the server. */
export const SYNCED_OWNERS_DATASET_ID = 'dataset-synced-owners';

type RowTable = Table<{ id: string }, string>;

function tableBinding(
  kind: ListKind,
  table: (db: SrasDatabase) => RowTable,
  toLocal: (item: Record<string, unknown>, now: number) => { id: string },
): ListBinding {
  const read = async () => {
    const rows = await table(getDatabase()).toArray();
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
  return {
    kind,
    read,
    fingerprint: async () => fingerprintList(await read()),
    replace: async (items) => {
      const db = getDatabase();
      const target = table(db);
      const now = Date.now();
      await db.transaction('rw', target, async () => {
        await target.clear();
        await target.bulkPut(items.map((item) => toLocal(item as Record<string, unknown>, now)));
      });
    },
  };
}

/** Finds the newest owners dataset, because the list a manager imported last is the team's current one. */
async function newestOwnersDataset(): Promise<DatasetRecord | undefined> {
  const datasets = await getDatabase().datasets.where('kind').equals('owners').toArray();
  return datasets.sort((a, b) => b.importedAt - a.importedAt)[0];
}

const OWNER_COLUMNS: DatasetColumn[] = [
  { key: 'owner_id', header: 'owner_id', field: 'owner', type: 'text' },
  { key: 'phone', header: 'phone', field: 'phone', type: 'text' },
  { key: 'email', header: 'email', field: 'email', type: 'text' },
  { key: 'company', header: 'company', field: 'company', type: 'text' },
];

/**
 * The workspace's existing-owner list is the newest owners dataset here.
 * Its fingerprint is the dataset's identity, because imported rows never
 * change, so no rows are read until the list is sent. A pulled list
 * replaces the dataset `SYNCED_OWNERS_DATASET_ID`, stored as the newest.
 */
const existingOwnersBinding: ListBinding = {
  kind: 'existing-owners',
  read: async () => {
    const dataset = await newestOwnersDataset();
    return dataset ? readExistingOwners(getDatabase(), dataset.id) : [];
  },
  fingerprint: async () => {
    const dataset = await newestOwnersDataset();
    return dataset
      ? `${dataset.id}@${dataset.importedAt}/${dataset.rowCount}`
      : EMPTY_LIST_FINGERPRINT;
  },
  replace: async (items) => {
    const rows = items as Record<string, string | null>[];
    await writeTransaction(
      (db) => [db.datasets, db.datasetRows],
      async (db) => {
        await db.datasetRows.where('datasetId').equals(SYNCED_OWNERS_DATASET_ID).delete();
        await db.datasets.delete(SYNCED_OWNERS_DATASET_ID);
        if (rows.length === 0) return;

        for (let start = 0; start < rows.length; start += ROW_CHUNK_SIZE) {
          await db.datasetRows.add({
            datasetId: SYNCED_OWNERS_DATASET_ID,
            chunk: start / ROW_CHUNK_SIZE,
            rows: rows.slice(start, start + ROW_CHUNK_SIZE),
          });
        }
        await db.datasets.add({
          id: SYNCED_OWNERS_DATASET_ID,
          name: i18next.t('sync:lists.syncedOwnersName'),
          kind: 'owners',
          importedAt: Date.now(),
          rowCount: rows.length,
          chunkSize: ROW_CHUNK_SIZE,
          columns: OWNER_COLUMNS,
          origin: { fileName: 'server' },
        });
      },
    );
  },
};

export const SYNCED_LISTS: readonly ListBinding[] = [
  tableBinding(
    'reps',
    (db) => db.reps as unknown as RowTable,
    (item, now) => ({ team: '', createdAt: now, updatedAt: now, ...item }) as RepRecord,
  ),
  tableBinding(
    'teams',
    (db) => db.teams as unknown as RowTable,
    (item, now) => ({ createdAt: now, ...item }) as TeamRecord,
  ),
  tableBinding(
    'targets',
    (db) => db.targetPlans as unknown as RowTable,
    (item, now) => ({ createdAt: now, updatedAt: now, ...item }) as TargetPlanRecord,
  ),
  // NOTE: the versions of every flow are one server document, sent whole on
  // each change. A workspace with thousands of large versions may pass the
  // server's body limit (SRAS_BODY_LIMIT_BYTES, 10 MB by default).
  tableBinding(
    'flow-versions',
    (db) => db.flowVersions as unknown as RowTable,
    (item) => item as unknown as FlowVersionRecord,
  ),
  existingOwnersBinding,
];

/** A fingerprint that changes whenever any row of the list changes: its canonical JSON. */
export function fingerprintList(rows: readonly unknown[]): string {
  return canonicalJson(rows);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
