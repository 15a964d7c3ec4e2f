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
import { MAX_VERSION_DOCUMENTS_PER_REQUEST, type ListKind, type SyncApi } from './sync-api.client';

export interface ListBinding {
  kind: ListKind;
  /** The local list as the server's items. */
  read: () => Promise<unknown[]>;
  /** A text that changes whenever the local list changes; `EMPTY_LIST_FINGERPRINT` for none. */
  fingerprint: () => Promise<string>;
  /**
   * Replaces the local list with the server's items in one transaction,
   * after fetching with `api` what the server's list leaves out.
   */
  replace: (items: unknown[], api: SyncApi) => Promise<void>;
  /**
   * The items as the server's list and change feed carry them, for telling
   * whether both sides hold the same list; the items themselves by default.
   */
  summarize?: (items: unknown[]) => unknown[];
  /**
   * The items to send, given the ids whose full item the server already
   * has; all of `items` by default.
   */
  toServer?: (items: unknown[], onServer: ReadonlySet<string>) => unknown[];
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

async function readVersionsById(): Promise<FlowVersionRecord[]> {
  const rows = await getDatabase().flowVersions.toArray();
  return rows.sort(compareIds);
}

function compareIds(a: { id: string }, b: { id: string }): number {
  if (a.id < b.id) return -1;
  return a.id > b.id ? 1 : 0;
}

/** A saved version without its document: what the server's list keeps. */
function versionSummary(item: unknown): Record<string, unknown> {
  const { document: _document, ...summary } = item as Record<string, unknown>;
  return summary;
}

/**
 * Saved flow versions. The server keeps their summaries as the list and
 * each document apart, because a saved version's document never changes.
 * So a push sends only the documents the server lacks, a pull fetches only
 * those this browser lacks, and the fingerprint covers the summaries.
 */
const flowVersionsBinding: ListBinding = {
  kind: 'flow-versions',
  read: readVersionsById,
  fingerprint: async () => fingerprintList((await readVersionsById()).map(versionSummary)),
  summarize: (items) => items.map(versionSummary),
  toServer: (items, onServer) =>
    items.map((item) =>
      onServer.has((item as FlowVersionRecord).id) ? versionSummary(item) : item,
    ),
  replace: async (items, api) => {
    const db = getDatabase();
    const local = new Map((await db.flowVersions.toArray()).map((row) => [row.id, row.document]));
    const documents = new Map(local);
    const lacking = (items as Partial<FlowVersionRecord>[])
      .filter((item) => item.document === undefined && !local.has(item.id as string))
      .map((item) => item.id as string);
    for (let start = 0; start < lacking.length; start += MAX_VERSION_DOCUMENTS_PER_REQUEST) {
      const { versions } = await api.getVersionDocuments(
        lacking.slice(start, start + MAX_VERSION_DOCUMENTS_PER_REQUEST),
      );
      for (const version of versions) documents.set(version.id, version.document);
    }

    // A version deleted on the server after its list was read has no
    // document there any more. It is left out, and the next pull brings the
    // list without it.
    const rows = (items as FlowVersionRecord[]).flatMap((item) => {
      const document = item.document ?? documents.get(item.id);
      return document ? [{ ...item, document }] : [];
    });
    await db.transaction('rw', db.flowVersions, async () => {
      await db.flowVersions.clear();
      await db.flowVersions.bulkPut(rows);
    });
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
  flowVersionsBinding,
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
