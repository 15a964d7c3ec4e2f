import { temporal, type TemporalState } from 'zundo';
import type { StoreApi } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { FlowDocument } from '@sras/engine';
import { createDocumentSlice } from './document.slice';
import type { EditorState } from './editor-state.types';
import { HISTORY_LIMIT, HistoryGrouping, type HistoryEntry } from './history';
import { createSelectionSlice } from './selection.slice';
import { createUiSlice } from './ui.slice';

export interface EditorStoreOptions {
  /** Clock for grouping typing into undo steps; tests pass their own. */
  now?: () => number;
}

/**
 * Create the editor store for one open flow: a vanilla zustand store built
 * from the document, selection and UI slices, with zundo recording the
 * document alone for undo/redo.
 */
export function createEditorStore(
  initial: FlowDocument,
  { now = Date.now }: EditorStoreOptions = {},
) {
  const store = createStore<EditorState>()(
    temporal(
      (set, get, api) => {
        // The temporal store exists once zundo has wrapped this creator; its type is
        // not visible from inside the creator.
        const history = new HistoryGrouping(
          () => api.temporal as StoreApi<TemporalState<HistoryEntry>>,
          now,
        );
        return {
          ...createDocumentSlice(set, get, history, initial),
          ...createSelectionSlice(set, get),
          ...createUiSlice(set, get),
        };
      },
      {
        partialize: (state): HistoryEntry => ({ document: state.document }),
        equality: (past, current) => past.document === current.document,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  return store;
}

export type EditorStore = ReturnType<typeof createEditorStore>;
