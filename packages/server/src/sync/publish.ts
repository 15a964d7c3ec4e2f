import {
  compileFlow,
  formatProblem,
  nodeLabels,
  type FlowDocument,
  type FlowProblem,
  type Rep,
} from '@sras/engine';
import { inWorkspaceTransaction, type DatabaseHandle } from '../db/database.js';
import { apiError, flowNotFound } from '../http/api-messages.js';
import { LIST_DOCUMENT_ID } from './document-kinds.js';
import { findDocument, nextChangeSeq } from './document.store.js';

/**
 * Publishes revision `revision` of a flow: compiles it against the
 * workspace's reps, and when it has no errors stores it as the next version
 * and makes that the version allocation runs. With `document` (a saved
 * version of the flow, such as one the versions panel publishes), that
 * document is published instead of the stored one; `revision` must still be
 * current, so the publisher has seen the flow's latest state. Answers 412
 * when `revision` is not the current one, and 422 with the validator's
 * problems when the flow has errors; 400 when `document` belongs to another
 * flow.
 */
export async function publishFlow(
  database: DatabaseHandle,
  workspaceId: string,
  flowId: string,
  revision: number,
  now: Date = new Date(),
  document?: FlowDocument,
): Promise<{ version: number; warnings: FlowProblem[] }> {
  if (document && document.id !== flowId) {
    throw apiError(
      400,
      'validation-failed',
      'publishDocumentMismatch',
      { documentId: document.id, flowId },
      (message) => ({ issues: [{ path: 'document.id', code: 'invalid_value', message }] }),
    );
  }

  return inWorkspaceTransaction(database, workspaceId, async (trx) => {
    const stored = await findDocument(trx, workspaceId, 'flow', flowId);
    if (!stored || stored.deleted) throw flowNotFound(flowId);
    if (stored.revision !== revision) {
      throw apiError(
        412,
        'revision-conflict',
        'publishRevisionConflict',
        { flowId, current: stored.revision, sent: revision },
        () => ({ current: stored }),
      );
    }

    const repsDocument = await findDocument(trx, workspaceId, 'reps', LIST_DOCUMENT_ID);
    const reps = (repsDocument?.document ?? []) as Rep[];
    const published = document ?? (stored.document as FlowDocument);
    const compiled = compileFlow(published, { reps });
    if (!compiled.ok) {
      const errors = compiled.problems.filter((problem) => problem.severity === 'error');
      const first = errors[0];
      const nodeId = first?.nodeId;
      // The first error as the editor words it, and its node by the label the editor shows.
      throw apiError(
        422,
        'flow-has-errors',
        nodeId === undefined ? 'flowHasErrors' : 'flowHasErrorsAtNode',
        {
          flowId,
          count: errors.length,
          first: (language) =>
            first === undefined ? '' : formatProblem(first, language, published.nodes),
          node: (language) =>
            nodeId === undefined
              ? ''
              : (nodeLabels(published.nodes, language).get(nodeId) ?? nodeId),
        },
        () => ({ problems: compiled.problems }),
      );
    }

    const latest = await trx
      .selectFrom('flow_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('workspace_id', '=', workspaceId)
      .where('flow_id', '=', flowId)
      .executeTakeFirst();
    const version = Number(latest?.version ?? 0) + 1;

    await trx
      .insertInto('flow_versions')
      .values({
        workspace_id: workspaceId,
        flow_id: flowId,
        version,
        revision,
        body: JSON.stringify(published),
        published_at: now.toISOString(),
      })
      .execute();
    // The change feed carries the new published version to other clients.
    const seq = await nextChangeSeq(trx, workspaceId);
    await trx
      .updateTable('documents')
      .set({ published_version: version, change_seq: seq })
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'flow')
      .where('id', '=', flowId)
      .execute();
    return { version, warnings: compiled.warnings };
  });
}
