import { validateFlow, type FlowDocument, type FlowProblem, type Rep } from '@sras/engine';
import { TEXT_FIELD_KINDS } from '@sras/import';

/**
 * Problems of the document being edited, from the engine's validator, with
 * rep ids checked against the stored team. While the team is empty, every
 * rep a node names is unknown: those problems are merged into one per node
 * that lists the reps, so that the manager is told to add the team without
 * one line per assignee.
 */
export function validateFlowDocument(
  document: FlowDocument,
  reps: readonly Rep[] = [],
): FlowProblem[] {
  const problems = validateFlow(document, {
    reps,
    // Phones, postal codes and ids stay text in every dataset, so a rule that
    // orders them as numbers gets a warning.
    conditionOptions: { fieldTypes: TEXT_FIELD_KINDS },
  });
  return reps.length > 0 ? problems : mergeUnknownRepsByNode(problems);
}

/** Keep the first unknown-rep problem of each node, naming every unknown rep of that node. */
function mergeUnknownRepsByNode(problems: readonly FlowProblem[]): FlowProblem[] {
  const firstByNode = new Map<string, FlowProblem>();
  const repIdsByNode = new Map<string, string[]>();
  const merged: FlowProblem[] = [];

  for (const problem of problems) {
    if (problem.code !== 'rep-unknown' || problem.nodeId === undefined) {
      merged.push(problem);
      continue;
    }
    const repIds = repIdsByNode.get(problem.nodeId) ?? [];
    const repId = String(problem.params.repId ?? '');
    if (!repIds.includes(repId)) repIds.push(repId);
    repIdsByNode.set(problem.nodeId, repIds);
    if (firstByNode.has(problem.nodeId)) continue;

    const first = { ...problem, params: { ...problem.params } };
    firstByNode.set(problem.nodeId, first);
    merged.push(first);
  }

  for (const [nodeId, first] of firstByNode) {
    first.params.repId = (repIdsByNode.get(nodeId) ?? []).join(', ');
  }
  return merged;
}
