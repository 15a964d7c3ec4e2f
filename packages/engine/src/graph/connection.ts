import { getOutputHandles, hasInput, resolveSourceHandle } from '../flow/node-handles.js';
import { wouldCreateCycle, type GraphEdge } from './graph.js';

/** Every reason why a new edge is not allowed. */
export const CONNECTION_REJECTIONS = [
  'source-missing',
  'target-missing',
  'self-loop',
  'target-has-no-input',
  'handle-unknown',
  'handle-taken',
  'cycle',
] as const;

export type ConnectionRejection = (typeof CONNECTION_REJECTIONS)[number];

export interface Connection {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

export type ConnectionCheck =
  { ok: true; handle: string } | { ok: false; reason: ConnectionRejection; handle?: string };

/**
 * Checks whether an edge may be drawn from `connection.source` (at its
 * handle) to `connection.target` in a flow: both nodes exist, the target has
 * an input, the handle exists on the source and feeds no edge yet, and the
 * edge closes no cycle. The editor calls this from `isValidConnection`; the
 * validator applies the same rules to a saved document.
 *
 * @param ignoreEdgeId An edge to leave out, for example the one being moved.
 */
export function checkConnection(
  connection: Connection,
  flow: {
    nodes: readonly { id: string; type: string; data?: unknown }[];
    edges: readonly (GraphEdge & { id?: string; sourceHandle?: string | null })[];
  },
  ignoreEdgeId?: string,
): ConnectionCheck {
  const source = flow.nodes.find((node) => node.id === connection.source);
  if (source === undefined) return { ok: false, reason: 'source-missing' };
  const target = flow.nodes.find((node) => node.id === connection.target);
  if (target === undefined) return { ok: false, reason: 'target-missing' };
  if (source.id === target.id) return { ok: false, reason: 'self-loop' };
  if (!hasInput(target.type)) return { ok: false, reason: 'target-has-no-input' };

  const handles = getOutputHandles(source);
  const handle = resolveSourceHandle(connection, handles);
  if (handle === null || !handles.includes(handle)) {
    return handle === null
      ? { ok: false, reason: 'handle-unknown' }
      : { ok: false, reason: 'handle-unknown', handle };
  }

  const edges = flow.edges.filter((edge) => ignoreEdgeId === undefined || edge.id !== ignoreEdgeId);
  const taken = edges.some(
    (edge) => edge.source === source.id && resolveSourceHandle(edge, handles) === handle,
  );
  if (taken) return { ok: false, reason: 'handle-taken', handle };
  if (wouldCreateCycle(connection, flow.nodes, edges))
    return { ok: false, reason: 'cycle', handle };

  return { ok: true, handle };
}
