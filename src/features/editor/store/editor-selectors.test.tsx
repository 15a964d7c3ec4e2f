import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeFlow, makeNode } from '../test/flow-fixtures';
import { createEditorStore } from './editor.store';
import { useFlowNode, useFlowNodesIgnoringMoves, useSelectedNodes } from './editor-selectors';
import { EditorStoreProvider } from './EditorStoreContext';

function setup() {
  const store = createEditorStore(
    makeFlow([makeNode('A', 'pool', { reason: 'a' }), makeNode('B', 'pool', { reason: 'b' })]),
  );
  const wrapper = ({ children }: { children: ReactNode }) => (
    <EditorStoreProvider store={store}>{children}</EditorStoreProvider>
  );
  const view = renderHook(
    () => ({
      nodes: useFlowNodesIgnoringMoves(),
      selected: useSelectedNodes(),
      node: useFlowNode('A'),
    }),
    { wrapper },
  );
  act(() => store.getState().setSelection({ nodeIds: ['A'], edgeIds: [] }));
  return { store, view };
}

describe('editor selectors of nodes', () => {
  it('keep their result while nodes are only moved', () => {
    const { store, view } = setup();
    const before = view.result.current;

    act(() => store.getState().moveNodes(new Map([['A', { x: 40, y: 80 }]])));

    expect(view.result.current.nodes).toBe(before.nodes);
    expect(view.result.current.selected).toBe(before.selected);
    expect(view.result.current.node).toBe(before.node);
  });

  it('return the changed node when its data changes', () => {
    const { store, view } = setup();

    act(() => store.getState().updateNodeData('A', () => ({ reason: 'changed' })));

    expect(view.result.current.nodes[0]?.data).toEqual({ reason: 'changed' });
    expect(view.result.current.selected[0]?.data).toEqual({ reason: 'changed' });
    expect(view.result.current.node?.data).toEqual({ reason: 'changed' });
  });
});
