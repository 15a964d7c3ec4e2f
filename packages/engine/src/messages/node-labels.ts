import type { FlowNode } from '../flow/flow.types.js';
import { CYCLE_PATH_SEPARATOR, type FlowProblem } from '../validation/problem.types.js';
import { messagesEn, type EngineMessages } from './messages.en.js';
import { messagesZhCn } from './messages.zh-CN.js';

const MESSAGES: Readonly<Record<'en' | 'zh-CN', EngineMessages>> = {
  en: messagesEn,
  'zh-CN': messagesZhCn,
};

/** Problem parameters that hold one node id. */
const NODE_ID_PARAMS = ['nodeId', 'source', 'target'] as const;

/**
 * Names each node of a flow as the user sees it, by node id: the node's
 * own `label` (on the node or in its data) when it has one, else the name
 * of its type. A name that several nodes share gets the node id added, so
 * every node keeps a distinct name.
 */
export function nodeLabels(
  nodes: readonly Pick<FlowNode, 'id' | 'type' | 'data'>[],
  language: 'en' | 'zh-CN' = 'en',
): Map<string, string> {
  const messages = MESSAGES[language] ?? messagesEn;
  const names = new Map<string, string>();
  const counts = new Map<string, number>();

  for (const node of nodes) {
    const name = ownLabel(node) ?? typeName(node.type, messages);
    names.set(node.id, name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }

  const labels = new Map<string, string>();
  for (const [id, name] of names) {
    const shared = (counts.get(name) ?? 0) > 1;
    const withId = messages.nodeWithId.replace('{{label}}', name).replace('{{id}}', id);
    labels.set(id, shared ? withId : name);
  }
  return labels;
}

/**
 * Returns the parameters that a problem's message interpolates, with every node id
 * (`nodeId`, `source`, `target`, each node of a cycle's `path`) replaced
 * by its name from `labels`. Ids without a name stay as they are, because
 * they name nodes that do not exist.
 */
export function labelledProblemParams(
  problem: FlowProblem,
  labels: ReadonlyMap<string, string>,
): Record<string, string | number | undefined> {
  const params: Record<string, string | number | undefined> = {
    nodeId: problem.nodeId,
    edgeId: problem.edgeId,
    field: problem.field,
    ...problem.params,
  };

  for (const name of NODE_ID_PARAMS) {
    const id = params[name];
    if (typeof id === 'string') params[name] = labels.get(id) ?? id;
  }
  if (problem.code === 'cycle' && typeof params.path === 'string') {
    params.path = params.path
      .split(CYCLE_PATH_SEPARATOR)
      .map((id) => labels.get(id) ?? id)
      .join(CYCLE_PATH_SEPARATOR);
  }
  return params;
}

function ownLabel(node: Pick<FlowNode, 'data'> & { label?: unknown }): string | undefined {
  const label = node.label ?? (node.data as { label?: unknown } | undefined)?.label;
  return typeof label === 'string' && label.trim() !== '' ? label.trim() : undefined;
}

function typeName(type: string, messages: EngineMessages): string {
  const names = messages.nodeType as Record<string, string>;
  return names[type] ?? names.unknown ?? type;
}
