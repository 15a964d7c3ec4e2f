import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editor.store';
import { COALESCE_WINDOW_MS } from './history';
import { makeEdge, makeFlow, makeNode } from '../test/flow-fixtures';
import { createClipboardPayload } from '../model/clipboard-payload';

function storeWithClock(document = makeFlow([makeNode('source1', 'source')])) {
  let time = 1_000_000;
  const store = createEditorStore(document, { now: () => time });
  return {
    store,
    advance(ms: number) {
      time += ms;
    },
  };
}

const threeNodeFlow = () =>
  makeFlow(
    [
      makeNode('A', 'filter', {}, 0, 0),
      makeNode('B', 'score', { rules: [] }, 0, 200),
      makeNode('C', 'roundRobin', { assignees: [] }, 300, 100),
    ],
    [makeEdge('e1', 'A', 'C', 'match'), makeEdge('e2', 'B', 'C', 'out')],
  );

describe('editor store', () => {
  it('adds a node with the default data of its type and selects it', () => {
    const { store } = storeWithClock();

    const id = store.getState().addNode('quota', { x: 10, y: 20 });

    const node = store.getState().document.nodes.find((n) => n.id === id);
    expect(node).toEqual({
      id: 'quota1',
      type: 'quota',
      position: { x: 10, y: 20 },
      data: { limit: 50, period: 'day' },
    });
    expect(store.getState().selectedNodeIds).toEqual(['quota1']);
  });

  it('deletes the edges of deleted nodes from the document', () => {
    const { store } = storeWithClock(threeNodeFlow());

    store.getState().deleteElements({ nodeIds: ['A', 'B'] });

    const { document } = store.getState();
    expect(document.nodes.map((n) => n.id)).toEqual(['C']);
    expect(document.edges).toEqual([]);
  });

  it('ignores a deletion of edges and nodes that are already gone', () => {
    const { store } = storeWithClock(threeNodeFlow());
    store.getState().deleteElements({ nodeIds: ['A'] });
    const before = store.getState().document;

    store.getState().deleteElements({ nodeIds: ['A'], edgeIds: ['e1', 'missing'] });

    expect(store.getState().document).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('drops edges to missing nodes on load and lists them', () => {
    const flow = makeFlow([makeNode('C', 'roundRobin')], [makeEdge('e1', 'A', 'C')]);

    const { store } = storeWithClock(flow);

    expect(store.getState().document.edges).toEqual([]);
    expect(store.getState().droppedEdges).toEqual([{ edgeId: 'e1', missingNodeIds: ['A'] }]);
  });

  it('undoes and redoes a node addition', () => {
    const { store } = storeWithClock();
    store.getState().addNode('filter', { x: 0, y: 0 });

    store.getState().undo();
    expect(store.getState().document.nodes.map((n) => n.id)).toEqual(['source1']);

    store.getState().redo();
    expect(store.getState().document.nodes.map((n) => n.id)).toEqual(['source1', 'filter1']);
  });

  it('records a drag as one undo step', () => {
    const { store } = storeWithClock(threeNodeFlow());
    const before = store.getState().document;

    store.getState().beginDrag();
    for (let x = 1; x <= 50; x += 1) store.getState().moveNodes(new Map([['A', { x, y: x }]]));
    store.getState().endDrag();

    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document).toBe(before);
  });

  it('records nothing for a drag that moved nothing', () => {
    const { store } = storeWithClock(threeNodeFlow());

    store.getState().beginDrag();
    store.getState().endDrag();

    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('groups typing in one field into one undo step', () => {
    const { store, advance } = storeWithClock(threeNodeFlow());
    const typeReason = (reason: string) =>
      store
        .getState()
        .updateNodeData('C', (data) => ({ ...data, label: reason }), { coalesceKey: 'C.label' });

    typeReason('展');
    advance(200);
    typeReason('展会');
    advance(200);
    typeReason('展会线索');

    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document.nodes[2]?.data.label).toBeUndefined();
  });

  it('starts a new undo step after a pause in typing', () => {
    const { store, advance } = storeWithClock(threeNodeFlow());
    const typeLabel = (label: string) =>
      store
        .getState()
        .updateNodeData('C', (data) => ({ ...data, label }), { coalesceKey: 'C.label' });

    typeLabel('a');
    advance(COALESCE_WINDOW_MS + 1);
    typeLabel('ab');

    expect(store.temporal.getState().pastStates).toHaveLength(2);
  });

  it('starts a new undo step when another field is edited', () => {
    const { store } = storeWithClock(threeNodeFlow());

    store
      .getState()
      .updateNodeData('C', (data) => ({ ...data, label: 'x' }), { coalesceKey: 'C.label' });
    store
      .getState()
      .updateNodeData('C', (data) => ({ ...data, note: 'y' }), { coalesceKey: 'C.note' });

    expect(store.temporal.getState().pastStates).toHaveLength(2);
  });

  it('forgets the history of the previous document on load', () => {
    const { store } = storeWithClock();
    store.getState().addNode('filter', { x: 0, y: 0 });

    store.getState().loadDocument(threeNodeFlow());
    store.getState().undo();

    expect(store.getState().document.nodes.map((n) => n.id)).toEqual(['A', 'B', 'C']);
  });

  it('connects two nodes through a free handle', () => {
    const { store } = storeWithClock(threeNodeFlow());

    const check = store.getState().connect({ source: 'A', sourceHandle: 'else', target: 'B' });

    expect(check).toEqual({ ok: true, sourceHandle: 'else' });
    expect(store.getState().document.edges).toContainEqual({
      id: 'e-A-else',
      source: 'A',
      sourceHandle: 'else',
      target: 'B',
    });
  });

  it('rejects a second edge from the same handle and changes nothing', () => {
    const { store } = storeWithClock(threeNodeFlow());
    const before = store.getState().document;

    const check = store.getState().connect({ source: 'A', sourceHandle: 'match', target: 'B' });

    expect(check).toEqual({ ok: false, reason: 'handle-taken' });
    expect(store.getState().document).toBe(before);
  });

  it('drops the edge of a region that is removed', () => {
    const flow = makeFlow(
      [
        makeNode('R', 'regionSplit', {
          regions: [
            { id: 'east', values: ['上海'] },
            { id: 'south', values: ['广东'] },
          ],
        }),
        makeNode('P', 'pool'),
        makeNode('Q', 'pool'),
      ],
      [makeEdge('e1', 'R', 'P', 'east'), makeEdge('e2', 'R', 'Q', 'south')],
    );
    const { store } = storeWithClock(flow);

    store.getState().updateNodeData('R', (data) => ({
      ...data,
      regions: [{ id: 'south', values: ['广东'] }],
    }));

    expect(store.getState().document.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('pastes copied nodes with new ids, offset, and their internal edge', () => {
    const { store } = storeWithClock(threeNodeFlow());
    const payload = createClipboardPayload(store.getState().document, ['A', 'C']);
    if (!payload) throw new Error('payload expected');

    const ids = store.getState().pastePayload(payload);

    const { document } = store.getState();
    expect(ids).toEqual(['filter1', 'roundRobin1']);
    expect(document.nodes.find((n) => n.id === 'filter1')?.position).toEqual({ x: 40, y: 40 });
    expect(document.edges.at(-1)).toMatchObject({
      source: 'filter1',
      target: 'roundRobin1',
      sourceHandle: 'match',
    });
    expect(store.getState().selectedNodeIds).toEqual(['filter1', 'roundRobin1']);
  });

  it('lays the flow out from left to right in one undo step', () => {
    const { store } = storeWithClock(threeNodeFlow());

    store.getState().autoLayout();

    const byId = new Map(store.getState().document.nodes.map((n) => [n.id, n.position]));
    expect(byId.get('C')!.x).toBeGreaterThan(byId.get('A')!.x);
    expect(byId.get('C')!.x).toBeGreaterThan(byId.get('B')!.x);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('keeps selection and measured sizes out of the undo history', () => {
    const { store } = storeWithClock(threeNodeFlow());

    store.getState().setSelection({ nodeIds: ['A'] });
    store.getState().setMeasured([{ id: 'A', width: 200, height: 80 }]);

    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
