import type { FlowEdge, FlowNode } from '@sras/engine';

/*
 * Graph facts the editor needs from the engine: the output handles of a node
 * and whether a prospective connection closes a cycle.
 * NOTE: the engine's graph helpers have not landed yet, so this adapter holds
 * a local version of both; replace the bodies with the engine's exports when
 * they exist, keeping these signatures for the callers.
 */

function idsOf(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  return items
    .map((item: unknown) => (item as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** Output handle ids of a node, in display order; empty for a pool or an unknown type. */
export function getOutputHandles(node: Pick<FlowNode, 'type' | 'data'>): string[] {
  switch (node.type) {
    case 'source':
    case 'score':
      return ['out'];
    case 'filter':
      return ['match', 'else'];
    case 'branch':
      return [...idsOf(node.data.cases), 'else'];
    case 'regionSplit':
      return [...idsOf(node.data.regions), 'else'];
    case 'quota':
      return ['within', 'overflow'];
    case 'dedup':
      return ['unique', 'duplicate'];
    case 'roundRobin':
    case 'leastLoaded':
    case 'assign':
      return ['overflow'];
    default:
      return [];
  }
}

/**
 * Whether adding an edge source → target would close a cycle, that is,
 * whether source is already reachable from target.
 */
export function wouldCreateCycle(
  edges: readonly Pick<FlowEdge, 'source' | 'target'>[],
  source: string,
  target: string,
): boolean {
  if (source === target) return true;

  const outgoing = new Map<string, string[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.source) ?? [];
    list.push(edge.target);
    outgoing.set(edge.source, list);
  }

  const seen = new Set<string>([target]);
  const stack = [target];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (current === source) return true;
    for (const next of outgoing.get(current) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return false;
}
