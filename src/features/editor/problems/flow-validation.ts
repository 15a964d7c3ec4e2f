import { validateFlow, type FlowDocument, type FlowProblem, type Rep } from '@sras/engine';

/**
 * Problems of the document being edited, from the engine's validator. Rep
 * ids are checked against the stored team only when it has reps, so that a
 * workspace without a team yet is not flooded with unknown-rep errors.
 */
export function validateFlowDocument(
  document: FlowDocument,
  reps: readonly Rep[] = [],
): FlowProblem[] {
  return validateFlow(document, reps.length > 0 ? { reps } : {});
}
