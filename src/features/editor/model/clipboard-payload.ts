import type { FlowDocument, FlowEdge, FlowNode } from '@sras/engine';
import { newEdgeId, newNodeId } from './node-ids';

/** What the editor puts on the clipboard: selected nodes and the edges between them. */
export interface ClipboardPayload {
  format: 'sras.clipboard';
  version: 1;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** localStorage key holding the last copied payload, for browsers that deny clipboard access. */
export const CLIPBOARD_STORAGE_KEY = 'sras.editor.clipboard';

/** Distance in flow units between a pasted node and its original. */
export const PASTE_OFFSET = 40;

/** The payload for the given nodes: those nodes plus the edges whose both ends are among them. */
export function createClipboardPayload(
  document: Pick<FlowDocument, 'nodes' | 'edges'>,
  nodeIds: readonly string[],
): ClipboardPayload | null {
  const chosen = new Set(nodeIds);
  const nodes = document.nodes.filter((node) => chosen.has(node.id));
  if (nodes.length === 0) return null;

  const edges = document.edges.filter((edge) => chosen.has(edge.source) && chosen.has(edge.target));
  return { format: 'sras.clipboard', version: 1, nodes, edges };
}

/** Parse clipboard text; anything that is not an editor payload gives null. */
export function parseClipboardPayload(text: string | null | undefined): ClipboardPayload | null {
  if (!text) return null;

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }

  const payload = value as Partial<ClipboardPayload> | null;
  if (payload?.format !== 'sras.clipboard' || payload.version !== 1) return null;
  if (!Array.isArray(payload.nodes) || !Array.isArray(payload.edges)) return null;
  const nodesValid = payload.nodes.every(
    (node) =>
      typeof node?.id === 'string' &&
      typeof node.type === 'string' &&
      typeof node.position?.x === 'number' &&
      typeof node.position.y === 'number',
  );
  if (!nodesValid) return null;
  return payload as ClipboardPayload;
}

/**
 * Insert a payload into a document: every node gets a new id and moves by
 * `offset`, internal edges follow their nodes, and a second `source` node is
 * never pasted (a flow has exactly one).
 */
export function pasteIntoDocument(
  document: FlowDocument,
  payload: ClipboardPayload,
  offset: number = PASTE_OFFSET,
): { document: FlowDocument; pastedNodeIds: string[] } {
  const hasSource = document.nodes.some((node) => node.type === 'source');
  const takenNodeIds = new Set(document.nodes.map((node) => node.id));
  const takenEdgeIds = new Set(document.edges.map((edge) => edge.id));
  const idMap = new Map<string, string>();

  const nodes: FlowNode[] = [];
  for (const node of payload.nodes) {
    if (node.type === 'source' && hasSource) continue;
    const id = newNodeId(node.type, takenNodeIds);
    takenNodeIds.add(id);
    idMap.set(node.id, id);
    nodes.push({
      ...structuredClone(node),
      id,
      position: { x: node.position.x + offset, y: node.position.y + offset },
    });
  }

  const edges: FlowEdge[] = [];
  for (const edge of payload.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) continue;
    const id = newEdgeId(source, edge.sourceHandle ?? 'out', takenEdgeIds);
    takenEdgeIds.add(id);
    edges.push({ ...structuredClone(edge), id, source, target });
  }

  return {
    document: {
      ...document,
      nodes: [...document.nodes, ...nodes],
      edges: [...document.edges, ...edges],
    },
    pastedNodeIds: nodes.map((node) => node.id),
  };
}
