import {
  createProblem,
  getOutputHandles,
  isNodeType,
  resolveSourceHandle,
  type FlowDocument,
  type FlowNode,
  type FlowProblem,
} from '@sras/engine';

/*
 * NOTE: the engine's validator has not landed yet. This adapter reports the
 * few problems the editor needs to guide a user until it does, with the
 * engine's problem codes and field paths; replace the body of
 * validateFlowDocument with a call to the engine's validator when it exists.
 */

function hasCondition(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function listAt(data: Record<string, unknown>, key: string): unknown[] {
  const value = data[key];
  return Array.isArray(value) ? value : [];
}

function conditionProblems(node: FlowNode, listKey: string): FlowProblem[] {
  return listAt(node.data, listKey).flatMap((item, index) =>
    hasCondition((item as { condition?: unknown } | null)?.condition)
      ? []
      : [
          createProblem('condition-missing', {
            nodeId: node.id,
            field: `data.${listKey}[${index}].condition`,
          }),
        ],
  );
}

function nodeProblems(node: FlowNode): FlowProblem[] {
  const at = (code: Parameters<typeof createProblem>[0], field?: string, params = {}) => [
    createProblem(code, { nodeId: node.id, field }, params),
  ];
  const { data } = node;

  switch (node.type) {
    case 'filter':
      return hasCondition(data.condition) ? [] : at('condition-missing', 'data.condition');
    case 'branch':
      return conditionProblems(node, 'cases');
    case 'score':
      return conditionProblems(node, 'rules');
    case 'regionSplit':
      return listAt(data, 'regions').flatMap((item, index) =>
        listAt(item as Record<string, unknown>, 'values').length === 0
          ? at('region-value-invalid', `data.regions[${index}].values`)
          : [],
      );
    case 'quota':
      return typeof data.limit === 'number' && Number.isInteger(data.limit) && data.limit >= 0
        ? []
        : at('quota-limit-invalid', 'data.limit');
    case 'dedup':
      return listAt(data, 'keys').length === 0 ? at('dedup-keys-empty', 'data.keys') : [];
    case 'roundRobin':
    case 'leastLoaded':
      return listAt(data, 'assignees').length === 0 ? at('assignees-empty', 'data.assignees') : [];
    case 'assign':
      return typeof data.repId === 'string' && data.repId !== ''
        ? []
        : at('rep-id-missing', 'data.repId');
    default:
      return isNodeType(node.type) ? [] : at('node-type-unknown', 'type', { type: node.type });
  }
}

/** Problems of a flow document: flow-level first, then by node in document order. */
export function validateFlowDocument(
  document: Pick<FlowDocument, 'nodes' | 'edges'>,
): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const sources = document.nodes.filter((node) => node.type === 'source');
  if (sources.length === 0) problems.push(createProblem('source-missing'));
  for (const extra of sources.slice(1))
    problems.push(createProblem('source-multiple', { nodeId: extra.id }));

  const incoming = new Set(document.edges.map((edge) => edge.target));
  for (const node of document.nodes) {
    problems.push(...nodeProblems(node));
    if (node.type !== 'source' && !incoming.has(node.id)) {
      problems.push(createProblem('node-unreachable', { nodeId: node.id }));
    }

    const handles = getOutputHandles(node);
    for (const handle of handles) {
      const connected = document.edges.some(
        (edge) => edge.source === node.id && resolveSourceHandle(edge, handles) === handle,
      );
      if (!connected)
        problems.push(createProblem('handle-unconnected', { nodeId: node.id }, { handle }));
    }
  }
  return problems;
}
