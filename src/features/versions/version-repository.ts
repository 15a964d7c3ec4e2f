/**
 * Named versions of a flow: snapshots of its document that can be opened
 * read-only, compared, restored as the current document, and published.
 */
import type { FlowDocument, FlowProblem } from '@sras/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../storage/db';
import { createId } from '../../storage/ids';
import type { FlowRecord, FlowVersionRecord } from '../../storage/records';
import { writeTransaction } from '../../storage/storage-full';
import { announceFlowChange, TAB_ID } from '../flows/flow-channel';

export type PublishResult =
  | { status: 'published'; flow: FlowRecord }
  | { status: 'invalid'; errors: FlowProblem[] }
  | { status: 'missing' };

/** Stores the flow's current document as a version named `name`. */
export async function saveVersion(
  flowId: string,
  name: string,
  note?: string,
): Promise<FlowVersionRecord | undefined> {
  return writeTransaction(
    (db) => [db.flows, db.flowVersions],
    async (db) => {
      const flow = await db.flows.get(flowId);
      if (!flow) return undefined;

      const version: FlowVersionRecord = {
        id: createId('version'),
        flowId,
        name,
        document: structuredClone(flow.document),
        flowRevision: flow.revision,
        createdAt: Date.now(),
      };
      if (note) version.note = note;
      await db.flowVersions.add(version);
      return version;
    },
  );
}

/** The versions of a flow, newest first. */
export async function listVersions(flowId: string): Promise<FlowVersionRecord[]> {
  const versions = await getDatabase()
    .flowVersions.where('[flowId+createdAt]')
    .between([flowId, -Infinity], [flowId, Infinity])
    .toArray();
  return versions.reverse();
}

export async function getVersion(versionId: string): Promise<FlowVersionRecord | undefined> {
  return getDatabase().flowVersions.get(versionId);
}

/** Deletes a version; a published version is unpublished first. */
export async function deleteVersion(versionId: string): Promise<void> {
  await writeTransaction(
    (db) => [db.flows, db.flowVersions],
    async (db) => {
      const version = await db.flowVersions.get(versionId);
      if (!version) return;

      const flow = await db.flows.get(version.flowId);
      if (flow?.publishedVersionId === versionId) {
        const { publishedVersionId: _unpublished, ...rest } = flow;
        await db.flows.put(rest);
      }
      await db.flowVersions.delete(versionId);
    },
  );
}

/**
 * Makes a version's document the flow's current document, as a new revision.
 * The document being replaced is first kept as a version named
 * `backupName`, so the restore can be undone by restoring that one.
 */
export async function restoreVersion(
  versionId: string,
  backupName: string,
): Promise<{ flow: FlowRecord; backup: FlowVersionRecord } | undefined> {
  const result = await writeTransaction(
    (db) => [db.flows, db.flowVersions],
    async (db) => {
      const version = await db.flowVersions.get(versionId);
      const flow = version && (await db.flows.get(version.flowId));
      if (!version || !flow) return undefined;

      const now = Date.now();
      const backup: FlowVersionRecord = {
        id: createId('version'),
        flowId: flow.id,
        name: backupName,
        document: flow.document,
        flowRevision: flow.revision,
        createdAt: now,
      };
      const document: FlowDocument = { ...structuredClone(version.document), id: flow.id };
      const restored: FlowRecord = {
        ...flow,
        name: document.name,
        document,
        revision: flow.revision + 1,
        updatedAt: Math.max(now, flow.updatedAt),
      };
      await db.flowVersions.add(backup);
      await db.flows.put(restored);
      return { flow: restored, backup };
    },
  );

  if (result) {
    announceFlowChange({
      type: 'saved',
      flowId: result.flow.id,
      revision: result.flow.revision,
      tabId: TAB_ID,
    });
  }
  return result;
}

/**
 * Marks a version as the flow's published one, unless `validate` reports an
 * error for its document; warnings do not block publishing.
 */
export async function publishVersion(
  versionId: string,
  validate: (document: FlowDocument) => FlowProblem[] | Promise<FlowProblem[]>,
): Promise<PublishResult> {
  const version = await getVersion(versionId);
  if (!version) return { status: 'missing' };

  const errors = (await validate(version.document)).filter(
    (problem) => problem.severity === 'error',
  );
  if (errors.length > 0) return { status: 'invalid', errors };

  return writeTransaction(
    (db) => [db.flows, db.flowVersions],
    async (db): Promise<PublishResult> => {
      const flow = await db.flows.get(version.flowId);
      if (!flow || !(await db.flowVersions.get(versionId))) return { status: 'missing' };

      const published: FlowRecord = { ...flow, publishedVersionId: versionId };
      await db.flowVersions.update(versionId, { publishedAt: Date.now() });
      await db.flows.put(published);
      return { status: 'published', flow: published };
    },
  );
}

/** Clears the flow's published version. */
export async function unpublishFlow(flowId: string): Promise<void> {
  await writeTransaction(
    (db) => [db.flows],
    async (db) => {
      const flow = await db.flows.get(flowId);
      if (!flow?.publishedVersionId) return;
      const { publishedVersionId: _unpublished, ...rest } = flow;
      await db.flows.put(rest);
    },
  );
}

/** The versions of a flow, newest first, kept current; undefined while loading. */
export function useVersions(flowId: string | undefined): FlowVersionRecord[] | undefined {
  return useLiveQuery(async () => (flowId ? listVersions(flowId) : []), [flowId]);
}

/** One version, kept current: undefined while loading, null when it does not exist. */
export function useVersion(versionId: string | undefined): FlowVersionRecord | null | undefined {
  return useLiveQuery(
    async () => (versionId ? ((await getVersion(versionId)) ?? null) : null),
    [versionId],
  );
}
