import type { FlowDocument } from '@sras/engine';
import { describe, expect, it } from 'vitest';
import { repairFlowDocument } from './flow-repair';

function flow(nodes: string[], edges: [string, string, string][]): FlowDocument {
  return {
    format: 'sras.flow',
    version: 1,
    id: 'f',
    name: 'f',
    timezone: 'Asia/Shanghai',
    nodes: nodes.map((id) => ({ id, type: 'filter', position: { x: 0, y: 0 }, data: {} })),
    edges: edges.map(([id, source, target]) => ({ id, source, target })),
  };
}

describe('repairFlowDocument', () => {
  it('returns a sound document unchanged', () => {
    const document = flow(['a', 'b'], [['e1', 'a', 'b']]);

    expect(repairFlowDocument(document)).toEqual({ document, repairs: [] });
  });

  it('drops an edge whose source or target is missing', () => {
    const document = flow(
      ['C'],
      [
        ['e1', 'A', 'C'],
        ['e2', 'C', 'B'],
      ],
    );

    const { document: repaired, repairs } = repairFlowDocument(document);

    expect(repaired.nodes).toHaveLength(1);
    expect(repaired.edges).toEqual([]);
    expect(repairs).toEqual([
      { kind: 'edgeToMissingNode', edgeId: 'e1', missingNodeId: 'A' },
      { kind: 'edgeToMissingNode', edgeId: 'e2', missingNodeId: 'B' },
    ]);
  });

  it('keeps the first of two nodes or edges with one id', () => {
    const document = flow(
      ['a', 'a', 'b'],
      [
        ['e1', 'a', 'b'],
        ['e1', 'b', 'a'],
      ],
    );

    const { document: repaired, repairs } = repairFlowDocument(document);

    expect(repaired.nodes.map((node) => node.id)).toEqual(['a', 'b']);
    expect(repaired.edges).toEqual([{ id: 'e1', source: 'a', target: 'b' }]);
    expect(repairs).toEqual([
      { kind: 'duplicateNode', nodeId: 'a' },
      { kind: 'duplicateEdge', edgeId: 'e1' },
    ]);
  });

  it('keeps an edge from a handle the node does not have', () => {
    const document = flow(['a', 'b'], []);
    const withUnknownHandle = {
      ...document,
      edges: [{ id: 'e1', source: 'a', sourceHandle: 'north', target: 'b' }],
    };

    expect(repairFlowDocument(withUnknownHandle).repairs).toEqual([]);
  });
});
