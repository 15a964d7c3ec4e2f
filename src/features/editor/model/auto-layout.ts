import { Graph, layout } from '@dagrejs/dagre';
import type { FlowDocument, FlowNode } from '@sras/engine';

/** Size assumed for a node React Flow has not measured yet, in flow units. */
export const DEFAULT_NODE_SIZE = { width: 240, height: 120 } as const;

const RANK_SEPARATION = 90;
const NODE_SEPARATION = 40;

/**
 * New top-left positions for every node, laid out left to right with dagre.
 * Output handles are ordered top to bottom on a card, so edges keep their
 * handle order to reduce crossings.
 */
export function layoutLeftToRight(
  document: Pick<FlowDocument, 'nodes' | 'edges'>,
  sizeOf: (nodeId: string) => { width: number; height: number } | undefined = () => undefined,
): Map<string, { x: number; y: number }> {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({
    rankdir: 'LR',
    ranksep: RANK_SEPARATION,
    nodesep: NODE_SEPARATION,
    marginx: 0,
    marginy: 0,
  });
  graph.setDefaultEdgeLabel(() => ({}));

  for (const node of document.nodes) {
    const size = sizeOf(node.id) ?? DEFAULT_NODE_SIZE;
    graph.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of document.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.setEdge(edge.source, edge.target, {}, edge.id);
  }

  layout(graph);

  const positions = new Map<string, { x: number; y: number }>();
  for (const node of document.nodes) {
    const laidOut = graph.node(node.id) as { x: number; y: number; width: number; height: number };
    positions.set(node.id, {
      x: Math.round(laidOut.x - laidOut.width / 2),
      y: Math.round(laidOut.y - laidOut.height / 2),
    });
  }
  return positions;
}

/** The nodes moved to the given positions; nodes without a position stay where they are. */
export function applyPositions(
  nodes: readonly FlowNode[],
  positions: ReadonlyMap<string, { x: number; y: number }>,
): FlowNode[] {
  return nodes.map((node) => {
    const position = positions.get(node.id);
    return position ? { ...node, position } : node;
  });
}
