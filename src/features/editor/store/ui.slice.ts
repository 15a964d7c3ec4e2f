import type { GetEditorState, SetEditorState, UiSlice } from './editor-state.types';

/** The UI slice: measured node sizes and focus requests; never saved, never undone. */
export function createUiSlice(set: SetEditorState, get: GetEditorState): UiSlice {
  return {
    measured: {},
    fieldFocus: null,

    setMeasured(sizes) {
      const current = get().measured;
      const changed = sizes.filter(
        ({ id, width, height }) => current[id]?.width !== width || current[id]?.height !== height,
      );
      if (changed.length === 0) return;

      const measured = { ...current };
      for (const { id, width, height } of changed) measured[id] = { width, height };
      set({ measured });
    },

    requestFieldFocus(nodeId, field) {
      const sequence = (get().fieldFocus?.sequence ?? 0) + 1;
      set({
        fieldFocus: { nodeId, field, sequence },
        selectedNodeIds: [nodeId],
        selectedEdgeIds: [],
      });
    },
  };
}
