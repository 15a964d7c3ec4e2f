/**
 * The only module that reads and writes flows in IndexedDB.
 *
 * For the editor:
 * - `useStoredFlow(flowId)` returns `{ status: 'loading' | 'missing' }` or
 *   `{ status: 'ready', flow }` and re-renders whenever the stored flow
 *   changes, in this tab or another one.
 * - `saveFlowDocument(document, expectedRevision)` saves `document` as the
 *   flow `document.id` when the stored revision still equals
 *   `expectedRevision`, and returns `{ status: 'saved', revision }` with the
 *   new revision to expect next time. When another tab saved first it
 *   returns `{ status: 'conflict', stored }` and saves nothing; the editor
 *   then lets the user keep theirs (save again with `stored.revision`) or
 *   take the stored one. It throws only `StorageFullError` or a bug.
 * - `subscribeToFlowChanges` (flow-channel.ts) reports saves and deletions
 *   made in other tabs as they happen.
 *
 * Every write runs in one read-write transaction, so a revision check and
 * the write it guards cannot interleave with another tab's write.
 */
import type { FlowDocument } from '@sras/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../storage/db';
import { createId } from '../../storage/ids';
import type { AllocationStateRecord, FlowRecord, FlowVersionRecord } from '../../storage/records';
import { writeTransaction } from '../../storage/storage-full';
import { announceFlowChange, TAB_ID } from './flow-channel';

export type SaveFlowResult =
  | { status: 'saved'; revision: number; updatedAt: number }
  | { status: 'conflict'; stored: FlowRecord }
  | { status: 'missing' };

export type StoredFlowState =
  { status: 'loading' } | { status: 'missing' } | { status: 'ready'; flow: FlowRecord };

/** Everything a deletion removed, so that the undo notification can put it back. */
export interface DeletedFlow {
  flow: FlowRecord;
  versions: FlowVersionRecord[];
  allocationState?: AllocationStateRecord;
}

/** A new flow document with exactly one source node. */
export function createEmptyFlowDocument(name: string, id = createId('flow')): FlowDocument {
  return {
    format: 'sras.flow',
    version: 1,
    id,
    name,
    timezone: 'Asia/Shanghai',
    nodes: [{ id: createId('node'), type: 'source', position: { x: 0, y: 0 }, data: {} }],
    edges: [],
  };
}

function toRecord(document: FlowDocument, now: number): FlowRecord {
  return {
    id: document.id,
    name: document.name,
    document,
    revision: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Stores a new flow with one source node and returns it. */
export async function createFlow(name: string): Promise<FlowRecord> {
  return addFlowDocument(createEmptyFlowDocument(name));
}

/**
 * Stores `document` as a new flow. When a flow with its id exists already, the
 * document gets a new id, so nothing stored is overwritten.
 */
export async function addFlowDocument(document: FlowDocument): Promise<FlowRecord> {
  return writeTransaction(
    (db) => [db.flows],
    async (db) => {
      const taken = await db.flows.get(document.id);
      const stored = taken ? { ...document, id: createId('flow') } : document;
      const record = toRecord(stored, Date.now());

      await db.flows.add(record);
      return record;
    },
  );
}

export async function getFlow(flowId: string): Promise<FlowRecord | undefined> {
  return getDatabase().flows.get(flowId);
}

/** Every stored flow, most recently edited first. */
export async function listFlows(): Promise<FlowRecord[]> {
  return getDatabase().flows.orderBy('updatedAt').reverse().toArray();
}

/**
 * Saves `document` when the stored revision equals `expectedRevision`; see the
 * module comment.
 */
export async function saveFlowDocument(
  document: FlowDocument,
  expectedRevision: number,
): Promise<SaveFlowResult> {
  const result = await writeTransaction(
    (db) => [db.flows],
    async (db): Promise<SaveFlowResult> => {
      const stored = await db.flows.get(document.id);
      if (!stored) return { status: 'missing' };
      if (stored.revision !== expectedRevision) return { status: 'conflict', stored };

      const revision = stored.revision + 1;
      const updatedAt = Math.max(Date.now(), stored.updatedAt);
      await db.flows.put({ ...stored, name: document.name, document, revision, updatedAt });
      return { status: 'saved', revision, updatedAt };
    },
  );

  if (result.status === 'saved') {
    announceFlowChange({
      type: 'saved',
      flowId: document.id,
      revision: result.revision,
      tabId: TAB_ID,
    });
  }
  return result;
}

/**
 * Applies `change` to the stored document whatever its revision, for edits
 * made outside the editor (rename, restore a version). Returns the saved
 * record, or undefined when the flow does not exist.
 */
export async function updateFlowDocument(
  flowId: string,
  change: (document: FlowDocument) => FlowDocument,
  extra: Partial<Pick<FlowRecord, 'publishedVersionId'>> = {},
): Promise<FlowRecord | undefined> {
  const saved = await writeTransaction(
    (db) => [db.flows],
    async (db) => {
      const stored = await db.flows.get(flowId);
      if (!stored) return undefined;

      const document = { ...change(stored.document), id: flowId };
      const record: FlowRecord = {
        ...stored,
        ...extra,
        name: document.name,
        document,
        revision: stored.revision + 1,
        updatedAt: Math.max(Date.now(), stored.updatedAt),
      };
      await db.flows.put(record);
      return record;
    },
  );

  if (saved) {
    announceFlowChange({ type: 'saved', flowId, revision: saved.revision, tabId: TAB_ID });
  }
  return saved;
}

export async function renameFlow(flowId: string, name: string): Promise<FlowRecord | undefined> {
  return updateFlowDocument(flowId, (document) => ({ ...document, name }));
}

/** Stores a copy of a flow's current document under a new id and `name`. */
export async function duplicateFlow(flowId: string, name: string): Promise<FlowRecord | undefined> {
  const source = await getFlow(flowId);
  if (!source) return undefined;

  const copy = structuredClone(source.document);
  return addFlowDocument({ ...copy, id: createId('flow'), name });
}

/** Deletes a flow with its versions and saved allocation state, and returns what it removed. */
export async function deleteFlow(flowId: string): Promise<DeletedFlow | undefined> {
  const deleted = await writeTransaction(
    (db) => [db.flows, db.flowVersions, db.allocationStates],
    async (db): Promise<DeletedFlow | undefined> => {
      const flow = await db.flows.get(flowId);
      if (!flow) return undefined;

      const versions = await db.flowVersions.where('flowId').equals(flowId).toArray();
      const allocationState = await db.allocationStates.get(flowId);

      await db.flowVersions.where('flowId').equals(flowId).delete();
      await db.allocationStates.delete(flowId);
      await db.flows.delete(flowId);
      return { flow, versions, allocationState };
    },
  );

  if (deleted) announceFlowChange({ type: 'deleted', flowId, tabId: TAB_ID });
  return deleted;
}

/** Puts back what `deleteFlow` removed. */
export async function restoreDeletedFlow(deleted: DeletedFlow): Promise<void> {
  await writeTransaction(
    (db) => [db.flows, db.flowVersions, db.allocationStates],
    async (db) => {
      await db.flows.put(deleted.flow);
      await db.flowVersions.bulkPut(deleted.versions);
      if (deleted.allocationState) await db.allocationStates.put(deleted.allocationState);
    },
  );
  announceFlowChange({
    type: 'saved',
    flowId: deleted.flow.id,
    revision: deleted.flow.revision,
    tabId: TAB_ID,
  });
}

/** Every stored flow, most recently edited first, or undefined while loading. */
export function useFlowList(): FlowRecord[] | undefined {
  return useLiveQuery(() => listFlows(), []);
}

/** The stored flow `flowId`, kept current; see the module comment. */
export function useStoredFlow(flowId: string | undefined): StoredFlowState {
  const result = useLiveQuery(
    async () => (flowId ? ((await getFlow(flowId)) ?? null) : null),
    [flowId],
  );

  if (result === undefined) return { status: 'loading' };
  if (result === null) return { status: 'missing' };
  return { status: 'ready', flow: result };
}
