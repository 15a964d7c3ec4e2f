/**
 * What the sync remembers between runs, kept in the `settings` table so that
 * it survives reloads: the connection, and for each synced entity the server
 * revision and the local state it matched when they last agreed.
 */
import { getDatabase } from '../../storage/db';
import type { ListKind } from './sync-api.client';

export interface SyncConnection {
  serverUrl: string;
  token: string;
  workspaceId: string;
  workspaceName: string;
  role: 'owner' | 'editor' | 'viewer' | 'allocate';
  /** Number of the last server change pulled. */
  lastSeq: number;
}

/** A flow as last agreed with the server. */
export interface FlowSyncMeta {
  serverRevision: number;
  /** Local `FlowRecord.revision` at that moment; any other local revision means local edits. */
  localRevision: number;
}

/** A list as last agreed with the server. */
export interface ListSyncMeta {
  serverRevision: number;
  /** Fingerprint of the local list at that moment. */
  fingerprint: string;
  /**
   * Ids of the items in the agreed list, for lists whose server keeps part
   * of each item apart (saved flow versions): these need not be sent whole again.
   */
  itemIds?: string[];
}

const CONNECTION_KEY = 'sync.connection';
const FLOW_PREFIX = 'sync.flow.';
const LIST_PREFIX = 'sync.list.';

export async function readConnection(): Promise<SyncConnection | null> {
  const record = await getDatabase().settings.get(CONNECTION_KEY);
  return (record?.value as SyncConnection | undefined) ?? null;
}

export async function writeConnection(connection: SyncConnection | null): Promise<void> {
  const settings = getDatabase().settings;
  if (connection === null) {
    await settings.delete(CONNECTION_KEY);
    return;
  }
  await settings.put({ key: CONNECTION_KEY, value: connection });
}

/** Every flow's metadata, by flow id. */
export async function readFlowMetas(): Promise<Map<string, FlowSyncMeta>> {
  const rows = await getDatabase().settings.where('key').startsWith(FLOW_PREFIX).toArray();
  return new Map(rows.map((row) => [row.key.slice(FLOW_PREFIX.length), row.value as FlowSyncMeta]));
}

export async function writeFlowMeta(flowId: string, meta: FlowSyncMeta | null): Promise<void> {
  const settings = getDatabase().settings;
  if (meta === null) await settings.delete(FLOW_PREFIX + flowId);
  else await settings.put({ key: FLOW_PREFIX + flowId, value: meta });
}

export async function readListMeta(kind: ListKind): Promise<ListSyncMeta | null> {
  const record = await getDatabase().settings.get(LIST_PREFIX + kind);
  return (record?.value as ListSyncMeta | undefined) ?? null;
}

export async function writeListMeta(kind: ListKind, meta: ListSyncMeta): Promise<void> {
  await getDatabase().settings.put({ key: LIST_PREFIX + kind, value: meta });
}

/** Forgets the connection and every entity's metadata, for disconnecting. */
export async function clearSyncMetadata(): Promise<void> {
  const db = getDatabase();
  await db.settings.where('key').startsWith('sync.').delete();
  await db.syncQueue.clear();
}
