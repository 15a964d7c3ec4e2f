/**
 * The local tables synced as one server list each, and how their rows map
 * to the server's items: server items carry only the shared fields, and
 * local bookkeeping fields are filled in when a list is pulled.
 */
import type { Table } from 'dexie';
import { getDatabase, type SrasDatabase } from '../../storage/db';
import type { RepRecord, TargetPlanRecord, TeamRecord } from '../../storage/records';
import type { ListKind } from './sync-api.client';

interface ListBinding {
  kind: ListKind;
  table: (db: SrasDatabase) => Table<{ id: string }, string>;
  /** Fills the local fields that a server item may lack. */
  toLocal: (item: Record<string, unknown>, now: number) => { id: string };
}

export const SYNCED_LISTS: readonly ListBinding[] = [
  {
    kind: 'reps',
    table: (db) => db.reps as unknown as Table<{ id: string }, string>,
    toLocal: (item, now): RepRecord =>
      ({ team: '', createdAt: now, updatedAt: now, ...item }) as RepRecord,
  },
  {
    kind: 'teams',
    table: (db) => db.teams as unknown as Table<{ id: string }, string>,
    toLocal: (item, now): TeamRecord => ({ createdAt: now, ...item }) as TeamRecord,
  },
  {
    kind: 'targets',
    table: (db) => db.targetPlans as unknown as Table<{ id: string }, string>,
    toLocal: (item, now): TargetPlanRecord =>
      ({ createdAt: now, updatedAt: now, ...item }) as TargetPlanRecord,
  },
];

/** Reads a local list sorted by id, the order in which it is sent and fingerprinted. */
export async function readLocalList(binding: ListBinding): Promise<{ id: string }[]> {
  const rows = await binding.table(getDatabase()).toArray();
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Replaces a local list with the server's items in one transaction. */
export async function replaceLocalList(binding: ListBinding, items: unknown[]): Promise<void> {
  const db = getDatabase();
  const table = binding.table(db);
  const now = Date.now();
  await db.transaction('rw', table, async () => {
    await table.clear();
    await table.bulkPut(items.map((item) => binding.toLocal(item as Record<string, unknown>, now)));
  });
}

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
