import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { FlowDocument, FlowNode } from '@sras/engine';
import {
  toCanvasEdge,
  toCanvasNode,
  type CanvasEdge,
  type CanvasNode,
} from '../model/flow-canvas.mapping';
import type { EditorState } from './editor-state.types';
import { useEditorStoreApi } from './EditorStoreContext';

/*
 * Named selector hooks: components read the editor store only through these,
 * so that what each one re-renders on stays visible in one file.
 */

export function useFlowDocument(): FlowDocument {
  return useStore(useEditorStoreApi(), (state) => state.document);
}

export function useFlowNodes(): FlowNode[] {
  return useStore(useEditorStoreApi(), (state) => state.document.nodes);
}

export function useFlowName(): string {
  return useStore(useEditorStoreApi(), (state) => state.document.name);
}

export function useHasSourceNode(): boolean {
  return useStore(useEditorStoreApi(), (state) =>
    state.document.nodes.some((node) => node.type === 'source'),
  );
}

/** Whether two node objects differ at most in their position. */
function sameApartFromPosition(a: FlowNode, b: FlowNode | undefined): boolean {
  return a === b || (b !== undefined && a.id === b.id && a.type === b.type && a.data === b.data);
}

/**
 * A selector of nodes that keeps returning the previous array while only
 * positions changed, so that panels listing nodes do not re-render on every
 * frame of a drag. The positions in the result may therefore be stale.
 */
function useNodesIgnoringMoves(pick: (state: EditorState) => FlowNode[]): FlowNode[] {
  const store = useEditorStoreApi();
  const select = useMemo(() => {
    let last: FlowNode[] | undefined;
    return (state: EditorState): FlowNode[] => {
      const next = pick(state);
      const unchanged =
        last !== undefined &&
        next.length === last.length &&
        next.every((node, index) => sameApartFromPosition(node, last?.[index]));
      if (unchanged && last) return last;
      last = next;
      return next;
    };
    // The picker is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return useStore(store, select);
}

const pickNodes = (state: EditorState) => state.document.nodes;

/** One node of the document, unchanged while it is only moved: its position may be stale. */
export function useFlowNode(nodeId: string | undefined): FlowNode | undefined {
  const store = useEditorStoreApi();
  const select = useMemo(() => {
    let last: FlowNode | undefined;
    return (state: EditorState): FlowNode | undefined => {
      const next =
        nodeId === undefined ? undefined : state.document.nodes.find((node) => node.id === nodeId);
      if (next === undefined || last === undefined || !sameApartFromPosition(next, last))
        last = next;
      return last;
    };
  }, [nodeId]);
  return useStore(store, select);
}

/** The document's nodes, unchanged while only node positions change: positions may be stale. */
export function useFlowNodesIgnoringMoves(): FlowNode[] {
  return useNodesIgnoringMoves(pickNodes);
}

export function useSelectedNodeIds(): readonly string[] {
  return useStore(useEditorStoreApi(), (state) => state.selectedNodeIds);
}

function pickSelectedNodes(state: EditorState): FlowNode[] {
  const selected = new Set(state.selectedNodeIds);
  return state.document.nodes.filter((node) => selected.has(node.id));
}

/**
 * The selected nodes that still exist, in document order; unchanged while
 * they are only moved, so positions may be stale.
 */
export function useSelectedNodes(): FlowNode[] {
  return useNodesIgnoringMoves(pickSelectedNodes);
}

export function useDroppedEdges(): EditorState['droppedEdges'] {
  return useStore(useEditorStoreApi(), (state) => state.droppedEdges);
}

export function useFieldFocus(): EditorState['fieldFocus'] {
  return useStore(useEditorStoreApi(), (state) => state.fieldFocus);
}

export function useCanUndo(): boolean {
  return useStore(useEditorStoreApi().temporal, (state) => state.pastStates.length > 0);
}

export function useCanRedo(): boolean {
  return useStore(useEditorStoreApi().temporal, (state) => state.futureStates.length > 0);
}

/** The store's actions; stable across renders. */
export function useEditorActions() {
  const store = useEditorStoreApi();
  return useMemo(() => {
    const state = store.getState();
    return {
      loadDocument: state.loadDocument,
      addNode: state.addNode,
      updateNodeData: state.updateNodeData,
      moveNodes: state.moveNodes,
      beginDrag: state.beginDrag,
      endDrag: state.endDrag,
      connect: state.connect,
      deleteElements: state.deleteElements,
      pastePayload: state.pastePayload,
      autoLayout: state.autoLayout,
      renameFlow: state.renameFlow,
      undo: state.undo,
      redo: state.redo,
      setSelection: state.setSelection,
      applySelectChanges: state.applySelectChanges,
      selectAll: state.selectAll,
      setMeasured: state.setMeasured,
      requestFieldFocus: state.requestFieldFocus,
    };
  }, [store]);
}

/**
 * Canvas nodes derived from the document, the selection and measured sizes.
 * Each canvas node is reused while its document node, selection and size are
 * unchanged, so React Flow re-renders only what moved.
 */
export function useCanvasNodes(): CanvasNode[] {
  const store = useEditorStoreApi();
  const select = useMemo(() => {
    const cache = new WeakMap<
      FlowNode,
      { selected: boolean; measured: unknown; node: CanvasNode }
    >();
    let lastNodes: readonly FlowNode[] | undefined;
    let lastSelected: readonly string[] | undefined;
    let lastMeasured: EditorState['measured'] | undefined;
    let lastResult: CanvasNode[] = [];

    return (state: EditorState): CanvasNode[] => {
      const nodes = state.document.nodes;
      if (
        nodes === lastNodes &&
        state.selectedNodeIds === lastSelected &&
        state.measured === lastMeasured
      ) {
        return lastResult;
      }
      const selected = new Set(state.selectedNodeIds);
      lastResult = nodes.map((node) => {
        const isSelected = selected.has(node.id);
        const measured = state.measured[node.id];
        const cached = cache.get(node);
        if (cached && cached.selected === isSelected && cached.measured === measured)
          return cached.node;

        const canvasNode = toCanvasNode(node, { selected: isSelected, measured });
        cache.set(node, { selected: isSelected, measured, node: canvasNode });
        return canvasNode;
      });
      lastNodes = nodes;
      lastSelected = state.selectedNodeIds;
      lastMeasured = state.measured;
      return lastResult;
    };
  }, []);
  return useStore(store, select);
}

/** Canvas edges derived from the document and the edge selection. */
export function useCanvasEdges(): CanvasEdge[] {
  const store = useEditorStoreApi();
  const select = useMemo(() => {
    let lastEdges: FlowDocument['edges'] | undefined;
    let lastSelected: readonly string[] | undefined;
    let lastResult: CanvasEdge[] = [];

    return (state: EditorState): CanvasEdge[] => {
      const edges = state.document.edges;
      if (edges === lastEdges && state.selectedEdgeIds === lastSelected) return lastResult;
      const selected = new Set(state.selectedEdgeIds);
      lastResult = edges.map((edge) => toCanvasEdge(edge, selected.has(edge.id)));
      lastEdges = edges;
      lastSelected = state.selectedEdgeIds;
      return lastResult;
    };
  }, []);
  return useStore(store, select);
}
