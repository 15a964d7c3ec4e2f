import type { FlowDocument, FlowEdge, FlowNode } from './flow.types.js';
import { getOutputHandles, isNodeType, resolveSourceHandle } from './node-handles.js';

/** One part that `repairFlow` dropped, named after the validator's problem code. */
export type FlowRepair =
  | { kind: 'node-id-duplicate'; nodeId: string }
  | { kind: 'edge-id-duplicate'; edgeId: string }
  | { kind: 'edge-node-missing'; edgeId: string; missingNodeIds: string[] }
  | { kind: 'edge-handle-unknown'; edgeId: string; nodeId: string; handle: string }
  | { kind: 'edge-handle-missing'; edgeId: string; nodeId: string; handles: string[] };

export interface RepairFlowOptions {
  /** Drop a node or an edge whose id an earlier one has (default true). */
  duplicateIds?: boolean;
  /**
   * Drop an edge from a handle its source node does not have, or one that
   * names no handle where the node has several (default true). Edges from
   * nodes of an unknown type are kept, because their handles are unknown.
   */
  handles?: boolean;
}

export interface RepairFlowResult {
  /** The repaired flow; the input itself when nothing was dropped. */
  flow: FlowDocument;
  /** The dropped parts, nodes first, then edges, each in document order. */
  repairs: FlowRepair[];
}

/**
 * Drops the parts of a loaded flow that cannot carry a lead: edges to or
 * from a node that does not exist, edges from a handle the node does not
 * have, and nodes or edges whose id is already taken (the first one stays).
 * Returns the dropped parts as data, for the host to show. Everything else
 * is kept as it is, unknown fields included, and the input is not changed.
 *
 * @example
 * const { flow, repairs } = repairFlow(loaded.flow);
 * // repairs: [{ kind: 'edge-node-missing', edgeId: 'e3', missingNodeIds: ['n9'] }]
 */
export function repairFlow(flow: FlowDocument, options: RepairFlowOptions = {}): RepairFlowResult {
  const { duplicateIds = true, handles = true } = options;
  const repairs: FlowRepair[] = [];

  const nodeById = new Map<string, FlowNode>();
  const nodes: FlowNode[] = [];
  for (const node of flow.nodes) {
    if (nodeById.has(node.id) && duplicateIds) {
      repairs.push({ kind: 'node-id-duplicate', nodeId: node.id });
      continue;
    }
    if (!nodeById.has(node.id)) nodeById.set(node.id, node);
    nodes.push(node);
  }

  const edgeIds = new Set<string>();
  const edges: FlowEdge[] = [];
  for (const edge of flow.edges) {
    const repair = edgeRepair(edge, nodeById, handles, duplicateIds && edgeIds.has(edge.id));
    if (repair !== null) {
      repairs.push(repair);
      continue;
    }
    edgeIds.add(edge.id);
    edges.push(edge);
  }

  if (repairs.length === 0) return { flow, repairs };
  return { flow: { ...flow, nodes, edges }, repairs };
}

/** Returns why an edge is dropped, or null to keep it. */
function edgeRepair(
  edge: FlowEdge,
  nodeById: ReadonlyMap<string, FlowNode>,
  checkHandles: boolean,
  duplicateId: boolean,
): FlowRepair | null {
  if (duplicateId) return { kind: 'edge-id-duplicate', edgeId: edge.id };

  const missingNodeIds = [...new Set([edge.source, edge.target])].filter((id) => !nodeById.has(id));
  if (missingNodeIds.length > 0) {
    return { kind: 'edge-node-missing', edgeId: edge.id, missingNodeIds };
  }

  const source = nodeById.get(edge.source);
  if (!checkHandles || source === undefined || !isNodeType(source.type)) return null;
  const outputs = getOutputHandles(source);
  const handle = resolveSourceHandle(edge, outputs);
  if (handle === null) {
    return { kind: 'edge-handle-missing', edgeId: edge.id, nodeId: source.id, handles: outputs };
  }
  if (!outputs.includes(handle)) {
    return { kind: 'edge-handle-unknown', edgeId: edge.id, nodeId: source.id, handle };
  }
  return null;
}
