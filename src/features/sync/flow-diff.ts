import type { FlowDocument } from '@sras/engine';

/** How two versions of a flow differ, by node and edge id. */
export interface FlowDifference {
  nameChanged: boolean;
  /** Nodes only in the second document. */
  addedNodes: string[];
  /** Nodes only in the first document. */
  removedNodes: string[];
  /** Nodes in both whose type or data differ (moves are ignored). */
  changedNodes: string[];
  addedEdges: number;
  removedEdges: number;
}

/** Compares `from` with `to`, ignoring node positions. */
export function diffFlows(from: FlowDocument, to: FlowDocument): FlowDifference {
  const fromNodes = new Map(from.nodes.map((node) => [node.id, node]));
  const toNodes = new Map(to.nodes.map((node) => [node.id, node]));
  const edgeKey = (edge: FlowDocument['edges'][number]) =>
    `${edge.source}\u0000${edge.sourceHandle ?? ''}\u0000${edge.target}`;
  const fromEdges = new Set(from.edges.map(edgeKey));
  const toEdges = new Set(to.edges.map(edgeKey));

  return {
    nameChanged: from.name !== to.name,
    addedNodes: [...toNodes.keys()].filter((id) => !fromNodes.has(id)),
    removedNodes: [...fromNodes.keys()].filter((id) => !toNodes.has(id)),
    changedNodes: [...toNodes.values()]
      .filter((node) => {
        const before = fromNodes.get(node.id);
        return (
          before !== undefined &&
          (before.type !== node.type || JSON.stringify(before.data) !== JSON.stringify(node.data))
        );
      })
      .map((node) => node.id),
    addedEdges: [...toEdges].filter((key) => !fromEdges.has(key)).length,
    removedEdges: [...fromEdges].filter((key) => !toEdges.has(key)).length,
  };
}

/** The label a node shows in lists: its `data.label`, else its type and id. */
export function nodeLabel(document: FlowDocument, nodeId: string): string {
  const node = document.nodes.find((candidate) => candidate.id === nodeId);
  const label = node?.data.label;
  return typeof label === 'string' && label.trim() ? label : `${node?.type ?? '?'} ${nodeId}`;
}
