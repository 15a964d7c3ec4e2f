import { describe, expect, it } from 'vitest';
import { fromCanvas, repairDanglingEdges, toCanvas, toDocumentNode } from './flow-canvas.mapping';
import { makeEdge, makeFlow, makeNode } from '../test/flow-fixtures';

describe('flow canvas mapping', () => {
  const document = {
    ...makeFlow(
      [
        { ...makeNode('s', 'source', {}, 0, 0), note: 'kept unknown field' },
        makeNode(
          'f',
          'filter',
          { condition: { '==': [{ var: 'source' }, '展会'] }, extra: [1, 2] },
          300,
          0,
        ),
      ],
      [{ ...makeEdge('e1', 's', 'f', 'out'), label: 'unknown edge field' }],
    ),
    description: 'top-level fields stay in place',
    customTopLevel: { a: 1 },
  };

  it('round-trips a document through the canvas without loss', () => {
    const canvas = toCanvas(
      document,
      () => ({ selected: true, measured: { width: 240, height: 96 } }),
      () => true,
    );

    const back = fromCanvas(document, canvas.nodes, canvas.edges);

    expect(back).toEqual(document);
  });

  it('drops fields React Flow adds while editing', () => {
    const node = toDocumentNode({
      ...makeNode('f', 'filter', {}, 5, 6),
      selected: true,
      dragging: true,
      measured: { width: 1, height: 2 },
      width: 100,
      height: 50,
    });

    expect(Object.keys(node).sort()).toEqual(['data', 'id', 'position', 'type']);
  });

  it('adds selection and measured size on the canvas only', () => {
    const canvas = toCanvas(document, (id) =>
      id === 'f' ? { selected: true, measured: { width: 3, height: 4 } } : {},
    );

    expect(canvas.nodes[1]).toMatchObject({ selected: true, measured: { width: 3, height: 4 } });
    expect(canvas.nodes[0]).not.toHaveProperty('selected');
    expect(document.nodes[1]).not.toHaveProperty('selected');
  });

  it('drops edges that name missing nodes', () => {
    const broken = makeFlow(
      [makeNode('C', 'roundRobin')],
      [makeEdge('e1', 'A', 'C'), makeEdge('e2', 'C', 'Z')],
    );

    const { document: repaired, droppedEdges } = repairDanglingEdges(broken);

    expect(repaired.edges).toEqual([]);
    expect(droppedEdges).toEqual([
      { edgeId: 'e1', missingNodeIds: ['A'] },
      { edgeId: 'e2', missingNodeIds: ['Z'] },
    ]);
  });

  it('reports an edge whose source and target are one missing node once', () => {
    const broken = makeFlow([makeNode('C', 'roundRobin')], [makeEdge('e1', 'Z', 'Z')]);

    expect(repairDanglingEdges(broken).droppedEdges).toEqual([
      { edgeId: 'e1', missingNodeIds: ['Z'] },
    ]);
  });

  it('keeps edges with a repeated id or an unknown handle', () => {
    const kept = makeFlow(
      [makeNode('A', 'filter'), makeNode('C', 'roundRobin')],
      [makeEdge('e1', 'A', 'C', 'north'), makeEdge('e1', 'A', 'C', 'match')],
    );

    expect(repairDanglingEdges(kept).document).toBe(kept);
  });

  it('returns the same document when no edge dangles', () => {
    expect(repairDanglingEdges(document).document).toBe(document);
  });
});
