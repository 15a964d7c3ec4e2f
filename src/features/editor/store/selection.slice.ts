import type { GetEditorState, SelectionSlice, SetEditorState } from './editor-state.types';

/** The selection slice: which nodes and edges are selected; never saved, never undone. */
export function createSelectionSlice(set: SetEditorState, get: GetEditorState): SelectionSlice {
  return {
    selectedNodeIds: [],
    selectedEdgeIds: [],

    setSelection({ nodeIds = [], edgeIds = [] }) {
      set({ selectedNodeIds: [...nodeIds], selectedEdgeIds: [...edgeIds] });
    },

    applySelectChanges(kind, changes) {
      if (changes.length === 0) return;

      const key = kind === 'node' ? 'selectedNodeIds' : 'selectedEdgeIds';
      const selected = new Set(get()[key]);
      for (const change of changes) {
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      set({ [key]: [...selected] });
    },

    selectAll() {
      const { document } = get();
      set({
        selectedNodeIds: document.nodes.map((node) => node.id),
        selectedEdgeIds: document.edges.map((edge) => edge.id),
      });
    },
  };
}
