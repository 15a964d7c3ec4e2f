/**
 * Two-way sync of flows, flow versions, reps, teams, target plans and the
 * existing-owner list with a sras server.
 *
 * A run pushes local changes, then pulls the server's changes:
 * - A flow is changed locally when its local revision differs from the one
 *   recorded when it last matched the server; it is sent with `If-Match` of
 *   the server revision it was based on. A list is changed locally when its
 *   fingerprint differs.
 * - Pulled changes are written locally unless the local copy changed too;
 *   then the server answers 412 (on push) or the pull sees a newer revision
 *   (on pull), and the pair becomes a conflict that the user resolves.
 * - Changes waiting to be sent are listed in the `syncQueue` table, so they
 *   survive a reload while offline and the header can count them.
 */
import type { FlowDocument } from '@sras/engine';
import { getDatabase } from '../../storage/db';
import { createId } from '../../storage/ids';
import type { SyncQueueEntry } from '../../storage/records';
import {
  addFlowDocument,
  deleteFlow,
  listFlows,
  updateFlowDocument,
} from '../flows/flow-repository';
import {
  createSyncApi,
  SyncApiError,
  type ListKind,
  type ServerChange,
  type SyncApi,
} from './sync-api.client';
import { EMPTY_LIST_FINGERPRINT, SYNCED_LISTS, type ListBinding } from './sync-lists';
import {
  readConnection,
  readFlowMetas,
  readListMeta,
  writeConnection,
  writeFlowMeta,
  writeListMeta,
  type SyncConnection,
} from './sync-metadata';
import { sameContent } from './same-content';
import { syncStore, type SyncConflict } from './sync.store';

let running: Promise<void> | null = null;
let again = false;

/**
 * Runs one sync, or marks that another run is needed when one is going on,
 * so that changes made during a run are sent right after it.
 */
export function requestSync(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await runSync().catch(recordSyncFailure);
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function runSync(): Promise<void> {
  const connection = await readConnection();
  if (!connection) {
    syncStore.setState({ phase: 'disconnected', pending: 0 });
    return;
  }
  const api = createSyncApi({ serverUrl: connection.serverUrl, token: connection.token });
  syncStore.setState({ phase: 'syncing' });

  try {
    const conflicts: SyncConflict[] = [];
    await queueLocalChanges();
    if (connection.role === 'owner' || connection.role === 'editor') {
      await pushFlows(api, conflicts);
      await pushLists(api, conflicts);
    }
    await pull(api, connection, conflicts);

    syncStore.setState({
      phase: 'idle',
      error: null,
      lastSyncedAt: Date.now(),
      conflicts,
      pending: await getDatabase().syncQueue.count(),
    });
  } catch (error) {
    const offline = error instanceof SyncApiError && error.code === 'network-error';
    syncStore.setState({
      phase: offline ? 'offline' : 'error',
      error: error instanceof Error ? error.message : String(error),
      pending: await getDatabase().syncQueue.count(),
    });
  }
}

/**
 * Shows a failure outside the server calls, such as IndexedDB refusing a
 * read, as a sync error, so that a background sync never ends in an
 * unhandled rejection.
 */
export function recordSyncFailure(error: unknown): void {
  syncStore.setState({
    phase: 'error',
    error: error instanceof Error ? error.message : String(error),
  });
}

/** Lists every local change not yet on the server in `syncQueue`, once each. */
export async function queueLocalChanges(): Promise<number> {
  const db = getDatabase();
  const metas = await readFlowMetas();
  const wanted: Omit<SyncQueueEntry, 'seq' | 'queuedAt'>[] = [];

  const flows = await listFlows();
  for (const flow of flows) {
    const meta = metas.get(flow.id);
    if (!meta || meta.localRevision !== flow.revision) {
      wanted.push({ entity: 'flow', entityId: flow.id, operation: 'put', revision: flow.revision });
    }
  }
  const localIds = new Set(flows.map((flow) => flow.id));
  for (const flowId of metas.keys()) {
    if (!localIds.has(flowId))
      wanted.push({ entity: 'flow', entityId: flowId, operation: 'delete' });
  }
  for (const binding of SYNCED_LISTS) {
    const meta = await readListMeta(binding.kind);
    const fingerprint = await binding.fingerprint();
    if (meta ? meta.fingerprint !== fingerprint : fingerprint !== EMPTY_LIST_FINGERPRINT) {
      wanted.push({ entity: entityOfList(binding.kind), entityId: binding.kind, operation: 'put' });
    }
  }

  await db.transaction('rw', db.syncQueue, async () => {
    const queued = await db.syncQueue.toArray();
    const key = (entry: Pick<SyncQueueEntry, 'entity' | 'entityId'>) =>
      `${entry.entity}\u0000${entry.entityId}`;
    const wantedKeys = new Set(wanted.map(key));
    const stale = queued
      .filter((entry) => !wantedKeys.has(key(entry)))
      .map((entry) => entry.seq as number);
    await db.syncQueue.bulkDelete(stale);

    const queuedKeys = new Set(queued.map(key));
    const now = Date.now();
    await db.syncQueue.bulkAdd(
      wanted
        .filter((entry) => !queuedKeys.has(key(entry)))
        .map((entry) => ({ ...entry, queuedAt: now })),
    );
  });

  const pending = await db.syncQueue.count();
  syncStore.setState({ pending });
  return pending;
}

async function dequeue(entity: SyncQueueEntry['entity'], entityId: string): Promise<void> {
  await getDatabase()
    .syncQueue.where('entityId')
    .equals(entityId)
    .and((entry) => entry.entity === entity)
    .delete();
}

const LIST_ENTITIES: Record<ListKind, SyncQueueEntry['entity']> = {
  reps: 'rep',
  teams: 'team',
  targets: 'targetPlan',
  'flow-versions': 'flowVersion',
  'existing-owners': 'existingOwners',
};

function entityOfList(kind: string): SyncQueueEntry['entity'] {
  return LIST_ENTITIES[kind as ListKind];
}

async function pushFlows(api: SyncApi, conflicts: SyncConflict[]): Promise<void> {
  const metas = await readFlowMetas();
  const flows = await listFlows();

  for (const flow of flows) {
    const meta = metas.get(flow.id);
    if (meta && meta.localRevision === flow.revision) continue;
    try {
      const { revision } = await api.putFlow(flow.document, meta?.serverRevision ?? 0);
      await writeFlowMeta(flow.id, { serverRevision: revision, localRevision: flow.revision });
      await dequeue('flow', flow.id);
    } catch (error) {
      if (!isConflict(error)) throw error;
      const server = serverFlowDocument(error.current);
      if (error.current && server && sameContent(server, flow.document)) {
        // The server already contains this document: an earlier push arrived
        // but its response was lost to a reload or a dropped connection.
        await writeFlowMeta(flow.id, {
          serverRevision: error.current.revision,
          localRevision: flow.revision,
        });
        await dequeue('flow', flow.id);
        continue;
      }
      conflicts.push({
        kind: 'flow',
        id: flow.id,
        local: flow.document,
        serverRevision: error.current?.revision ?? 0,
        server,
      });
    }
  }

  const localIds = new Set(flows.map((flow) => flow.id));
  for (const [flowId, meta] of metas) {
    if (localIds.has(flowId)) continue;
    try {
      await api.deleteFlow(flowId, meta.serverRevision);
    } catch (error) {
      if (error instanceof SyncApiError && error.status === 404) {
        // Deleted on the server too: nothing left to do.
      } else if (isConflict(error)) {
        conflicts.push({
          kind: 'flow',
          id: flowId,
          local: null,
          serverRevision: error.current?.revision ?? 0,
          server: serverFlowDocument(error.current),
        });
        continue;
      } else {
        throw error;
      }
    }
    await writeFlowMeta(flowId, null);
    await dequeue('flow', flowId);
  }
}

/** Records that the local list and the server's list at `revision` agree. */
async function writeAgreedList(
  binding: ListBinding,
  revision: number,
  rows: readonly unknown[],
  fingerprint: string,
): Promise<void> {
  await writeListMeta(binding.kind, {
    serverRevision: revision,
    fingerprint,
    ...(binding.toServer ? { itemIds: rows.map((row) => (row as { id: string }).id) } : {}),
  });
  await dequeue(entityOfList(binding.kind), binding.kind);
}

/**
 * Sends a list. A list whose server keeps part of each item apart sends
 * whole only the items the server lacks: those not in the last agreed list,
 * or those the server reports missing (`version-document-missing`).
 */
async function putList(
  api: SyncApi,
  binding: ListBinding,
  rows: unknown[],
  revision: number,
  onServer: readonly string[],
): Promise<{ revision: number }> {
  if (!binding.toServer) return api.putList(binding.kind, rows, revision);

  try {
    return await api.putList(binding.kind, binding.toServer(rows, new Set(onServer)), revision);
  } catch (error) {
    if (!(error instanceof SyncApiError) || error.code !== 'version-document-missing') throw error;
    const missing = new Set((error.details.missing as string[] | undefined) ?? []);
    const present = onServer.filter((id) => !missing.has(id));
    return api.putList(binding.kind, binding.toServer(rows, new Set(present)), revision);
  }
}

async function pushLists(api: SyncApi, conflicts: SyncConflict[]): Promise<void> {
  for (const binding of SYNCED_LISTS) {
    const meta = await readListMeta(binding.kind);
    const fingerprint = await binding.fingerprint();
    if (meta ? meta.fingerprint === fingerprint : fingerprint === EMPTY_LIST_FINGERPRINT) continue;
    const rows = await binding.read();

    try {
      const { revision } = await putList(
        api,
        binding,
        rows,
        meta?.serverRevision ?? 0,
        meta?.itemIds ?? [],
      );
      await writeAgreedList(binding, revision, rows, fingerprint);
    } catch (error) {
      if (!isConflict(error)) throw error;
      const summarize = binding.summarize ?? ((items: unknown[]) => items);
      if (error.current && sameContent(error.current.document, summarize(rows))) {
        await writeAgreedList(binding, error.current.revision, rows, fingerprint);
        continue;
      }
      conflicts.push({
        kind: binding.kind,
        id: binding.kind,
        local: rows,
        serverRevision: error.current?.revision ?? 0,
        server: (error.current?.document as unknown[] | undefined) ?? [],
      });
    }
  }
}

async function pull(
  api: SyncApi,
  connection: SyncConnection,
  conflicts: SyncConflict[],
): Promise<void> {
  let since = connection.lastSeq;
  const inConflict = new Set(conflicts.map((conflict) => `${conflict.kind}\u0000${conflict.id}`));

  for (;;) {
    const page = await api.changes(since);
    for (const change of page.changes) {
      if (inConflict.has(`${change.kind}\u0000${change.id}`)) continue;
      const conflict =
        change.kind === 'flow' ? await pullFlow(change) : await pullList(api, change);
      if (conflict) conflicts.push(conflict);
    }
    since = page.next;
    await writeConnection({ ...connection, lastSeq: since });
    if (!page.more) return;
  }
}

async function pullFlow(change: ServerChange): Promise<SyncConflict | null> {
  const metas = await readFlowMetas();
  const meta = metas.get(change.id);
  if (meta && change.revision <= meta.serverRevision) return null;

  const local = (await listFlows()).find((flow) => flow.id === change.id);
  const changedHere = local !== undefined && (!meta || meta.localRevision !== local.revision);
  if (changedHere) {
    return {
      kind: 'flow',
      id: change.id,
      local: local.document,
      serverRevision: change.revision,
      server: change.deleted ? null : (change.document as FlowDocument),
    };
  }

  await applyServerFlow(
    change.id,
    change.deleted ? null : (change.document as FlowDocument),
    change.revision,
  );
  return null;
}

async function pullList(api: SyncApi, change: ServerChange): Promise<SyncConflict | null> {
  const binding = SYNCED_LISTS.find((candidate) => candidate.kind === change.kind);
  if (!binding) return null;
  const meta = await readListMeta(binding.kind);
  if (meta && change.revision <= meta.serverRevision) return null;

  const fingerprint = await binding.fingerprint();
  const changedHere = meta
    ? meta.fingerprint !== fingerprint
    : fingerprint !== EMPTY_LIST_FINGERPRINT;
  if (changedHere) {
    return {
      kind: binding.kind,
      id: binding.kind,
      local: await binding.read(),
      serverRevision: change.revision,
      server: (change.document as unknown[]) ?? [],
    };
  }

  await applyServerList(api, binding.kind, (change.document as unknown[]) ?? [], change.revision);
  return null;
}

/** Writes the server's flow (null: deleted) locally and records that both sides agree. */
async function applyServerFlow(
  flowId: string,
  document: FlowDocument | null,
  revision: number,
): Promise<void> {
  if (document === null) {
    await deleteFlow(flowId);
    await writeFlowMeta(flowId, null);
    await dequeue('flow', flowId);
    return;
  }

  const updated = await updateFlowDocument(flowId, () => document);
  const record = updated ?? (await addFlowDocument(document));
  await writeFlowMeta(record.id, { serverRevision: revision, localRevision: record.revision });
  await dequeue('flow', flowId);
}

async function applyServerList(
  api: SyncApi,
  kind: SyncConflict['kind'],
  items: unknown[],
  revision: number,
): Promise<void> {
  const binding = SYNCED_LISTS.find((candidate) => candidate.kind === kind);
  if (!binding) return;

  await binding.replace(items, api);
  await writeAgreedList(binding, revision, items, await binding.fingerprint());
}

export type ConflictChoice = 'keep-local' | 'keep-server' | 'keep-both';

/**
 * Resolves a conflict: `keep-local` sends the local copy over the server's,
 * `keep-server` replaces the local copy with the server's, and `keep-both`
 * (flows only) saves the local copy as a new flow and takes the server's.
 * Either way both sides are equal afterwards.
 */
export async function resolveConflict(
  conflict: SyncConflict,
  choice: ConflictChoice,
  copyName: (name: string) => string,
): Promise<void> {
  const connection = await readConnection();
  if (!connection) return;
  const api = createSyncApi({ serverUrl: connection.serverUrl, token: connection.token });

  if (conflict.kind === 'flow') {
    await resolveFlowConflict(api, conflict, choice, copyName);
  } else if (choice === 'keep-local') {
    const binding = SYNCED_LISTS.find((candidate) => candidate.kind === conflict.kind);
    if (binding) {
      // The server's list names the items it has whole.
      const onServer = (binding.toServer ? conflict.server : []).map(
        (item) => (item as { id: string }).id,
      );
      const { revision } = await putList(
        api,
        binding,
        conflict.local,
        conflict.serverRevision,
        onServer,
      );
      await writeAgreedList(binding, revision, conflict.local, await binding.fingerprint());
    }
  } else {
    await applyServerList(api, conflict.kind, conflict.server, conflict.serverRevision);
  }

  syncStore.setState((status) => ({
    conflicts: status.conflicts.filter(
      (item) => !(item.kind === conflict.kind && item.id === conflict.id),
    ),
  }));
  await requestSync();
}

async function resolveFlowConflict(
  api: SyncApi,
  conflict: Extract<SyncConflict, { kind: 'flow' }>,
  choice: ConflictChoice,
  copyName: (name: string) => string,
): Promise<void> {
  if (choice === 'keep-local') {
    if (conflict.local === null) {
      if (conflict.server !== null) await api.deleteFlow(conflict.id, conflict.serverRevision);
      await writeFlowMeta(conflict.id, null);
      await dequeue('flow', conflict.id);
      return;
    }
    const { revision } = await api.putFlow(conflict.local, conflict.serverRevision);
    const local = (await listFlows()).find((flow) => flow.id === conflict.id);
    if (local)
      await writeFlowMeta(conflict.id, { serverRevision: revision, localRevision: local.revision });
    await dequeue('flow', conflict.id);
    return;
  }

  if (choice === 'keep-both' && conflict.local !== null) {
    await addFlowDocument({
      ...structuredClone(conflict.local),
      id: createId('flow'),
      name: copyName(conflict.local.name),
    });
  }
  await applyServerFlow(conflict.id, conflict.server, conflict.serverRevision);
}

function isConflict(error: unknown): error is SyncApiError {
  return error instanceof SyncApiError && (error.status === 412 || error.status === 428);
}

function serverFlowDocument(
  current: { document: unknown; deleted?: unknown } | null,
): FlowDocument | null {
  if (!current || current.deleted === true || current.document === null) return null;
  return current.document as FlowDocument;
}
