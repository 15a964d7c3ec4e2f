import type { Edge, Node } from '@xyflow/react';
import { repairFlow, type FlowDocument, type FlowEdge, type FlowNode } from '@sras/engine';

/*
 * The one place where the flow document meets React Flow. Document nodes and
 * edges already have React Flow's shape, so the canvas form is the document
 * form plus canvas-only fields (selection, measured size, drag state); going
 * back drops exactly those fields and keeps everything else, unknown fields
 * included.
 */

/** A canvas node: the document node plus what React Flow adds while editing. */
export type CanvasNode = Node<Record<string, unknown>>;
export type CanvasEdge = Edge;

/** Fields React Flow sets on nodes that never belong in a saved document. */
const CANVAS_ONLY_NODE_FIELDS = [
  'selected',
  'dragging',
  'measured',
  'width',
  'height',
  'resizing',
  'internals',
  'positionAbsolute',
  'handleBounds',
] as const;

/** Fields React Flow sets on edges that never belong in a saved document. */
const CANVAS_ONLY_EDGE_FIELDS = ['selected'] as const;

/** Canvas state of one node that is not part of the document. */
export interface NodeCanvasState {
  selected?: boolean;
  measured?: { width?: number; height?: number };
}

/** Map a document node to a canvas node, adding selection and the measured size. */
export function toCanvasNode(node: FlowNode, state: NodeCanvasState = {}): CanvasNode {
  const canvasNode: CanvasNode = { ...node, data: node.data };
  if (state.selected) canvasNode.selected = true;
  if (state.measured) canvasNode.measured = state.measured;
  return canvasNode;
}

/** Map a document edge to a canvas edge. */
export function toCanvasEdge(edge: FlowEdge, selected = false): CanvasEdge {
  const canvasEdge = { ...edge } as CanvasEdge;
  if (selected) canvasEdge.selected = true;
  return canvasEdge;
}

/** Map a canvas node back to a document node, dropping canvas-only fields. */
export function toDocumentNode(node: CanvasNode): FlowNode {
  const copy: Record<string, unknown> = { ...node };
  for (const field of CANVAS_ONLY_NODE_FIELDS) delete copy[field];
  return {
    ...copy,
    id: node.id,
    type: node.type ?? 'default',
    position: { ...node.position },
    data: node.data,
  } as FlowNode;
}

/** Map a canvas edge back to a document edge, dropping canvas-only fields. */
export function toDocumentEdge(edge: CanvasEdge): FlowEdge {
  const copy: Record<string, unknown> = { ...edge };
  for (const field of CANVAS_ONLY_EDGE_FIELDS) delete copy[field];
  return copy as FlowEdge;
}

/** Canvas nodes and edges of a document, with the given canvas state. */
export function toCanvas(
  document: Pick<FlowDocument, 'nodes' | 'edges'>,
  nodeState: (id: string) => NodeCanvasState = () => ({}),
  isEdgeSelected: (id: string) => boolean = () => false,
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return {
    nodes: document.nodes.map((node) => toCanvasNode(node, nodeState(node.id))),
    edges: document.edges.map((edge) => toCanvasEdge(edge, isEdgeSelected(edge.id))),
  };
}

/** A document whose nodes and edges are those of the canvas, everything else kept. */
export function fromCanvas(
  base: FlowDocument,
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
): FlowDocument {
  return { ...base, nodes: nodes.map(toDocumentNode), edges: edges.map(toDocumentEdge) };
}

/** An edge dropped on load because a node it names does not exist. */
export interface DroppedEdge {
  edgeId: string;
  missingNodeIds: string[];
}

/**
 * Prepare a stored document for editing: edges that name a missing node are
 * dropped (the caller shows the list), so that the canvas and the engine never
 * see them.
 */
export function repairDanglingEdges(document: FlowDocument): {
  document: FlowDocument;
  droppedEdges: DroppedEdge[];
} {
  const { flow, repairs } = repairFlow(document, { duplicateIds: false, handles: false });

  const droppedEdges = repairs.flatMap((repair): DroppedEdge[] =>
    repair.kind === 'edge-node-missing'
      ? [{ edgeId: repair.edgeId, missingNodeIds: repair.missingNodeIds }]
      : [],
  );
  return { document: flow, droppedEdges };
}
