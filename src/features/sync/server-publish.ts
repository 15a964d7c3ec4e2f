/**
 * Publishing a flow version on the connected sras server, so that its
 * allocation API runs what the user published in the app.
 */
import { formatProblem, nodeLabels, type FlowDocument, type FlowProblem } from '@sras/engine';
import { createSyncApi, SyncApiError } from './sync-api.client';
import { readConnection, readFlowMetas } from './sync-metadata';
import { requestSync } from './sync.engine';
import { syncStore } from './sync.store';

/** Reason a server publish failed; the `versions` namespace has a message for each (`serverPublish.reasons.*`). */
export type ServerPublishFailure =
  'offline' | 'read-only-token' | 'conflict' | 'not-synced' | 'has-errors' | 'server-error';

/** The outcome of publishing on the server; `local-only` when no workspace is connected. */
export type ServerPublishOutcome =
  | { status: 'local-only' }
  | { status: 'published'; version: number; at: number }
  | { status: 'failed'; reason: ServerPublishFailure; detail: string; at: number };

/**
 * Publishes `document`, a saved version of flow `flowId`, on the connected
 * server. Syncs first, so the server has the flow and its latest revision,
 * then requests the publish of the document at that revision. Returns a
 * failure with its reason and the server's message instead of throwing.
 */
export async function publishOnServer(
  flowId: string,
  document: FlowDocument,
  language: 'zh-CN' | 'en' = 'en',
): Promise<ServerPublishOutcome> {
  const connection = await readConnection();
  if (!connection) return { status: 'local-only' };
  const failed = (reason: ServerPublishFailure, detail = ''): ServerPublishOutcome => ({
    status: 'failed',
    reason,
    detail,
    at: Date.now(),
  });
  if (connection.role !== 'owner' && connection.role !== 'editor') {
    return failed('read-only-token', connection.role);
  }

  await requestSync();
  const status = syncStore.getState();
  // The server checks the flow against its reps and teams, so an open
  // conflict on those lists blocks the publish as much as one on the flow.
  const blocking = status.conflicts.find(
    (conflict) =>
      (conflict.kind === 'flow' && conflict.id === flowId) ||
      conflict.kind === 'reps' ||
      conflict.kind === 'teams',
  );
  if (blocking) return failed('conflict', blocking.kind);
  if (status.phase === 'offline') return failed('offline', status.error ?? '');
  const meta = (await readFlowMetas()).get(flowId);
  if (!meta) return failed('not-synced', status.error ?? '');

  const api = createSyncApi({ serverUrl: connection.serverUrl, token: connection.token });
  try {
    const { version } = await api.publishFlow(flowId, meta.serverRevision, document);
    return { status: 'published', version, at: Date.now() };
  } catch (error) {
    if (!(error instanceof SyncApiError)) return failed('server-error', String(error));
    if (error.code === 'network-error') return failed('offline', error.message);
    if (error.code === 'revision-conflict') return failed('conflict', error.message);
    if (error.code === 'flow-has-errors') {
      const problems = (error.details.problems as FlowProblem[] | undefined) ?? [];
      const first = problems.find((problem) => problem.severity === 'error');
      const labels = nodeLabels(document.nodes, language);
      const where = first?.nodeId ? `${labels.get(first.nodeId) ?? first.nodeId}: ` : '';
      const message = first ? formatProblem(first, language, document.nodes) : error.message;
      return failed('has-errors', first ? where + message : message);
    }
    return failed('server-error', error.message);
  }
}
