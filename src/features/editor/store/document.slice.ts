import type { FlowDocument, FlowEdge } from '@sras/engine';
import { applyPositions, layoutLeftToRight } from '../model/auto-layout';
import { pasteIntoDocument } from '../model/clipboard-payload';
import { checkConnection } from '../model/connection-rules';
import { getOutputHandles } from '@sras/engine';
import { repairDanglingEdges } from '../model/flow-canvas.mapping';
import { getNodeTypeSpec } from '../model/node-catalog';
import { newEdgeId, newNodeId } from '../model/node-ids';
import type { DocumentSlice, GetEditorState, SetEditorState } from './editor-state.types';
import type { HistoryGrouping } from './history';

/** The document slice: every change to the flow document goes through these actions. */
export function createDocumentSlice(
  set: SetEditorState,
  get: GetEditorState,
  history: HistoryGrouping,
  initial: FlowDocument,
): DocumentSlice {
  const repaired = repairDanglingEdges(initial);

  function commit(document: FlowDocument, coalesceKey?: string): void {
    if (document === get().document) return;
    history.record(() => set({ document }), coalesceKey);
  }

  return {
    document: repaired.document,
    droppedEdges: repaired.droppedEdges,

    loadDocument(document) {
      const { document: clean, droppedEdges } = repairDanglingEdges(document);
      history.untracked(() =>
        set({ document: clean, droppedEdges, selectedNodeIds: [], selectedEdgeIds: [] }),
      );
      history.clear();
    },

    addNode(type, position) {
      const { document } = get();
      const id = newNodeId(type, new Set(document.nodes.map((node) => node.id)));
      const data = getNodeTypeSpec(type)?.createData() ?? {};

      commit({ ...document, nodes: [...document.nodes, { id, type, position, data }] });
      set({ selectedNodeIds: [id], selectedEdgeIds: [] });
      return id;
    },

    updateNodeData(nodeId, update, options) {
      const { document } = get();
      const index = document.nodes.findIndex((node) => node.id === nodeId);
      const node = document.nodes[index];
      if (!node) return;

      const data = update(node.data);
      if (data === node.data) return;

      const nodes = document.nodes.slice();
      nodes[index] = { ...node, data };
      commit(
        { ...document, nodes, edges: dropEdgesFromVanishedHandles(nodes[index], document.edges) },
        options?.coalesceKey,
      );
    },

    moveNodes(positions, options) {
      const { document } = get();
      const moved = positions.size > 0 && document.nodes.some((node) => positions.has(node.id));
      if (!moved) return;

      const next = { ...document, nodes: applyPositions(document.nodes, positions) };
      if (history.dragging) set({ document: next });
      else commit(next, options?.coalesceKey);
    },

    beginDrag() {
      history.beginDrag(get().document);
    },

    endDrag() {
      history.endDrag(get().document);
    },

    connect(connection) {
      const { document } = get();
      const check = checkConnection(document, connection);
      if (!check.ok || !connection.source || !connection.target) return check;

      const edge: FlowEdge = {
        id: newEdgeId(
          connection.source,
          check.sourceHandle,
          new Set(document.edges.map((e) => e.id)),
        ),
        source: connection.source,
        sourceHandle: check.sourceHandle,
        target: connection.target,
      };
      commit({ ...document, edges: [...document.edges, edge] });
      return check;
    },

    deleteElements({ nodeIds = [], edgeIds = [] }) {
      const { document, selectedNodeIds, selectedEdgeIds } = get();
      const removedNodes = new Set(nodeIds);
      const removedEdges = new Set(edgeIds);

      const nodes = document.nodes.filter((node) => !removedNodes.has(node.id));
      const edges = document.edges.filter(
        (edge) =>
          !removedEdges.has(edge.id) &&
          !removedNodes.has(edge.source) &&
          !removedNodes.has(edge.target),
      );
      if (nodes.length === document.nodes.length && edges.length === document.edges.length) return;

      commit({ ...document, nodes, edges });
      set({
        selectedNodeIds: selectedNodeIds.filter((id) => !removedNodes.has(id)),
        selectedEdgeIds: selectedEdgeIds.filter((id) => edges.some((edge) => edge.id === id)),
      });
    },

    pastePayload(payload) {
      const { document, pastedNodeIds } = pasteIntoDocument(get().document, payload);
      if (pastedNodeIds.length === 0) return [];

      commit(document);
      set({ selectedNodeIds: pastedNodeIds, selectedEdgeIds: [] });
      return pastedNodeIds;
    },

    autoLayout() {
      const { document, measured } = get();
      if (document.nodes.length === 0) return;

      const positions = layoutLeftToRight(document, (id) => measured[id]);
      commit({ ...document, nodes: applyPositions(document.nodes, positions) });
    },

    renameFlow(name) {
      const { document } = get();
      if (document.name === name) return;
      commit({ ...document, name }, 'flow-name');
    },

    undo() {
      history.undo();
    },

    redo() {
      history.redo();
    },
  };
}

/**
 * Edges leaving a handle that the node no longer has (a removed region or
 * branch case) are dropped with the handle, so the saved document never holds
 * an edge from nowhere.
 */
function dropEdgesFromVanishedHandles(
  node: { id: string; type: string; data: Record<string, unknown> },
  edges: FlowEdge[],
): FlowEdge[] {
  if (node.type !== 'branch' && node.type !== 'regionSplit') return edges;

  const handles = new Set(getOutputHandles(node));
  const kept = edges.filter(
    (edge) => edge.source !== node.id || !edge.sourceHandle || handles.has(edge.sourceHandle),
  );
  return kept.length === edges.length ? edges : kept;
}
