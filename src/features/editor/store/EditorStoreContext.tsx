import { createContext, useContext, type ReactNode } from 'react';
import type { EditorStore } from './editor.store';

const EditorStoreContext = createContext<EditorStore | null>(null);

/** Provide the store of the open flow to the editor's components. */
export function EditorStoreProvider({
  store,
  children,
}: {
  store: EditorStore;
  children: ReactNode;
}) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

/** The store of the open flow; only inside EditorStoreProvider. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStoreApi must be used inside <EditorStoreProvider>.');
  return store;
}
