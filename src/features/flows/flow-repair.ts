/**
 * Repairs of a structurally valid flow document whose parts refer to each
 * other wrongly. Pure: the CLI and the server can use it as it is.
 */
import type { FlowDocument, FlowEdge, FlowNode } from '@sras/engine';

export type FlowRepair =
  | { kind: 'duplicateNode'; nodeId: string }
  | { kind: 'duplicateEdge'; edgeId: string }
  | { kind: 'edgeToMissingNode'; edgeId: string; missingNodeId: string };

export interface RepairedFlow {
  document: FlowDocument;
  /** What was dropped, in document order; empty when nothing needed repair. */
  repairs: FlowRepair[];
}

/**
 * Drops the parts of `document` that cannot be kept: a node whose id an
 * earlier node has, an edge whose id an earlier edge has, and an edge from or
 * to a node that does not exist. Everything else is kept unchanged,
 * unknown fields included.
 */
export function repairFlowDocument(document: FlowDocument): RepairedFlow {
  const repairs: FlowRepair[] = [];

  const nodeIds = new Set<string>();
  const nodes: FlowNode[] = [];
  for (const node of document.nodes) {
    if (nodeIds.has(node.id)) {
      repairs.push({ kind: 'duplicateNode', nodeId: node.id });
      continue;
    }
    nodeIds.add(node.id);
    nodes.push(node);
  }

  const edgeIds = new Set<string>();
  const edges: FlowEdge[] = [];
  for (const edge of document.edges) {
    if (edgeIds.has(edge.id)) {
      repairs.push({ kind: 'duplicateEdge', edgeId: edge.id });
      continue;
    }
    const missingNodeId = [edge.source, edge.target].find((id) => !nodeIds.has(id));
    if (missingNodeId !== undefined) {
      repairs.push({ kind: 'edgeToMissingNode', edgeId: edge.id, missingNodeId });
      continue;
    }
    edgeIds.add(edge.id);
    edges.push(edge);
  }

  if (repairs.length === 0) return { document, repairs };
  return { document: { ...document, nodes, edges }, repairs };
}
