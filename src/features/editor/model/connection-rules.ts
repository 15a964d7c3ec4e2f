import type { FlowDocument } from '@sras/engine';
import { getOutputHandles, wouldCreateCycle } from './engine-graph.adapter';

/** Why a connection is rejected; each code has a message under `editor:connection.<code>`. */
export type ConnectionRefusal =
  'selfLoop' | 'intoSource' | 'handleTaken' | 'cycle' | 'unknownNode' | 'unknownHandle';

export interface ProspectiveConnection {
  source: string | null;
  sourceHandle?: string | null;
  target: string | null;
}

export type ConnectionCheck =
  { ok: true; sourceHandle: string } | { ok: false; reason: ConnectionRefusal };

/**
 * Check a connection being drawn against the flow rules: no self-loops, nothing
 * into the source, one edge per output handle and no cycles.
 */
export function checkConnection(
  document: Pick<FlowDocument, 'nodes' | 'edges'>,
  connection: ProspectiveConnection,
): ConnectionCheck {
  const { source, target } = connection;
  if (!source || !target) return { ok: false, reason: 'unknownNode' };
  if (source === target) return { ok: false, reason: 'selfLoop' };

  const sourceNode = document.nodes.find((node) => node.id === source);
  const targetNode = document.nodes.find((node) => node.id === target);
  if (!sourceNode || !targetNode) return { ok: false, reason: 'unknownNode' };
  if (targetNode.type === 'source') return { ok: false, reason: 'intoSource' };

  const handles = getOutputHandles(sourceNode);
  const sourceHandle = connection.sourceHandle ?? (handles.length === 1 ? handles[0] : undefined);
  if (sourceHandle === undefined || !handles.includes(sourceHandle)) {
    return { ok: false, reason: 'unknownHandle' };
  }

  const taken = document.edges.some(
    (edge) => edge.source === source && (edge.sourceHandle ?? handles[0]) === sourceHandle,
  );
  if (taken) return { ok: false, reason: 'handleTaken' };
  if (wouldCreateCycle(document.edges, source, target)) return { ok: false, reason: 'cycle' };

  return { ok: true, sourceHandle };
}
