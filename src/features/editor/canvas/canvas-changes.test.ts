import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../store/editor.store';
import { makeEdge, makeFlow, makeNode } from '../test/flow-fixtures';
import { applyCanvasEdgeChanges, applyCanvasNodeChanges } from './canvas-changes';

const flow = () =>
  makeFlow(
    [
      makeNode('A', 'filter'),
      makeNode('B', 'score', { rules: [] }),
      makeNode('C', 'roundRobin', { assignees: [] }),
    ],
    [makeEdge('e1', 'A', 'C', 'match'), makeEdge('e2', 'B', 'C', 'out')],
  );

describe('canvas changes', () => {
  it('deletes removed nodes with their edges', () => {
    const store = createEditorStore(flow());

    applyCanvasNodeChanges(store.getState(), [
      { type: 'remove', id: 'A' },
      { type: 'remove', id: 'B' },
    ]);

    expect(store.getState().document.nodes.map((node) => node.id)).toEqual(['C']);
    expect(store.getState().document.edges).toEqual([]);
  });

  it('ignores a removal of an edge that is already gone', () => {
    const store = createEditorStore(flow());
    applyCanvasNodeChanges(store.getState(), [{ type: 'remove', id: 'A' }]);

    expect(() =>
      applyCanvasEdgeChanges(store.getState(), [{ type: 'remove', id: 'e1' }]),
    ).not.toThrow();
    expect(store.getState().document.edges.map((edge) => edge.id)).toEqual(['e2']);
  });

  it('records one undo step for a drag of many frames', () => {
    const store = createEditorStore(flow());

    for (let x = 0; x < 20; x += 1) {
      applyCanvasNodeChanges(store.getState(), [
        { type: 'position', id: 'A', position: { x, y: 0 }, dragging: true },
      ]);
    }
    applyCanvasNodeChanges(store.getState(), [
      { type: 'position', id: 'A', position: { x: 20, y: 0 }, dragging: false },
    ]);

    expect(store.getState().document.nodes[0]?.position).toEqual({ x: 20, y: 0 });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('keeps measured sizes and selection out of the document', () => {
    const store = createEditorStore(flow());
    const before = store.getState().document;

    applyCanvasNodeChanges(store.getState(), [
      { type: 'dimensions', id: 'A', dimensions: { width: 220, height: 90 } },
      { type: 'select', id: 'A', selected: true },
    ]);
    applyCanvasEdgeChanges(store.getState(), [{ type: 'select', id: 'e2', selected: true }]);

    expect(store.getState().document).toBe(before);
    expect(store.getState().measured.A).toEqual({ width: 220, height: 90 });
    expect(store.getState().selectedNodeIds).toEqual(['A']);
    expect(store.getState().selectedEdgeIds).toEqual(['e2']);
  });
});
