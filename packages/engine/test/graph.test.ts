import { describe, expect, it } from 'vitest';
import { checkConnection } from '../src/graph/connection.js';
import {
  findCycle,
  getConnectedEdges,
  getIncomers,
  getOutgoers,
  getReachableNodeIds,
  hasCycle,
  topologicalOrder,
  wouldCreateCycle,
} from '../src/graph/graph.js';

const nodes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }];
const edges = [
  { id: 'ab', source: 'a', target: 'b' },
  { id: 'ac', source: 'a', target: 'c' },
  { id: 'bd', source: 'b', target: 'd' },
  { id: 'cd', source: 'c', target: 'd' },
];

describe('getOutgoers and getIncomers', () => {
  it('returns the nodes an edge leads to', () => {
    expect(getOutgoers('a', nodes, edges).map((node) => node.id)).toEqual(['b', 'c']);
  });

  it('returns the nodes with an edge into a node', () => {
    expect(getIncomers({ id: 'd' }, nodes, edges).map((node) => node.id)).toEqual(['b', 'c']);
  });

  it('returns nothing for a node without edges', () => {
    expect(getOutgoers('e', nodes, edges)).toEqual([]);
    expect(getIncomers('e', nodes, edges)).toEqual([]);
  });

  it('returns the edges touching a node', () => {
    expect(getConnectedEdges('b', edges).map((edge) => edge.id)).toEqual(['ab', 'bd']);
  });
});

describe('findCycle', () => {
  it('returns null for an acyclic graph', () => {
    expect(findCycle(nodes, edges)).toBeNull();
    expect(hasCycle(nodes, edges)).toBe(false);
  });

  it('returns the cycle as a closed path', () => {
    const cyclic = [...edges, { source: 'd', target: 'b' }];

    expect(findCycle(nodes, cyclic)).toEqual(['b', 'd', 'b']);
  });

  it('treats a self-loop as a cycle', () => {
    expect(findCycle(nodes, [{ source: 'e', target: 'e' }])).toEqual(['e', 'e']);
  });

  it('ignores edges to missing nodes', () => {
    expect(
      hasCycle(nodes, [
        { source: 'a', target: 'x' },
        { source: 'x', target: 'a' },
      ]),
    ).toBe(false);
  });

  it('handles a long chain without deep recursion', () => {
    const chain = Array.from({ length: 20_000 }, (_, index) => ({ id: `n${index}` }));
    const links = chain.slice(1).map((node, index) => ({ source: `n${index}`, target: node.id }));

    expect(findCycle(chain, links)).toBeNull();
    expect(findCycle(chain, [...links, { source: 'n19999', target: 'n0' }])?.length).toBe(20_001);
  });
});

describe('wouldCreateCycle', () => {
  it('detects an edge back to an ancestor', () => {
    expect(wouldCreateCycle({ source: 'd', target: 'a' }, nodes, edges)).toBe(true);
  });

  it('detects an edge from a node to itself', () => {
    expect(wouldCreateCycle({ source: 'b', target: 'b' }, nodes, edges)).toBe(true);
  });

  it('allows an edge between independent branches', () => {
    expect(wouldCreateCycle({ source: 'b', target: 'c' }, nodes, edges)).toBe(false);
  });
});

describe('getReachableNodeIds', () => {
  it('includes the start and everything downstream', () => {
    expect([...getReachableNodeIds(['b'], nodes, edges)].sort()).toEqual(['b', 'd']);
  });

  it('ignores a start that does not exist', () => {
    expect(getReachableNodeIds(['x'], nodes, edges).size).toBe(0);
  });
});

describe('topologicalOrder', () => {
  it('orders every edge forwards, ties in node-list order', () => {
    expect(topologicalOrder(nodes, edges)).toEqual({ ok: true, order: ['a', 'e', 'b', 'c', 'd'] });
  });

  it('returns the cycle when there is one', () => {
    const result = topologicalOrder(nodes, [...edges, { source: 'd', target: 'a' }]);

    expect(result).toEqual({ ok: false, cycle: ['a', 'b', 'd', 'a'] });
  });
});

describe('checkConnection', () => {
  const flow = {
    nodes: [
      { id: 'src', type: 'source', data: {} },
      { id: 'f', type: 'filter', data: { condition: true } },
      { id: 'rr', type: 'roundRobin', data: { assignees: [] } },
      { id: 'pool', type: 'pool', data: {} },
    ],
    edges: [
      { id: 'e1', source: 'src', sourceHandle: 'out', target: 'f' },
      { id: 'e2', source: 'f', sourceHandle: 'match', target: 'rr' },
    ],
  };

  it('accepts a free handle to a node with an input', () => {
    expect(checkConnection({ source: 'f', sourceHandle: 'else', target: 'pool' }, flow)).toEqual({
      ok: true,
      handle: 'else',
    });
  });

  it('uses the only handle when none is named', () => {
    expect(checkConnection({ source: 'rr', target: 'pool' }, flow)).toEqual({
      ok: true,
      handle: 'overflow',
    });
  });

  it('rejects a handle that already feeds an edge', () => {
    expect(checkConnection({ source: 'f', sourceHandle: 'match', target: 'pool' }, flow)).toEqual({
      ok: false,
      reason: 'handle-taken',
      handle: 'match',
    });
  });

  it('accepts the handle of the edge being moved', () => {
    const check = checkConnection(
      { source: 'f', sourceHandle: 'match', target: 'pool' },
      flow,
      'e2',
    );

    expect(check.ok).toBe(true);
  });

  it('rejects an edge into the source', () => {
    expect(
      checkConnection({ source: 'f', sourceHandle: 'else', target: 'src' }, flow),
    ).toMatchObject({
      ok: false,
      reason: 'target-has-no-input',
    });
  });

  it('rejects an edge that closes a cycle', () => {
    expect(checkConnection({ source: 'rr', target: 'f' }, flow)).toMatchObject({
      ok: false,
      reason: 'cycle',
    });
  });

  it('rejects an edge from a node to itself', () => {
    expect(checkConnection({ source: 'f', sourceHandle: 'else', target: 'f' }, flow)).toMatchObject(
      {
        ok: false,
        reason: 'self-loop',
      },
    );
  });

  it('rejects a handle the node does not have', () => {
    expect(checkConnection({ source: 'f', sourceHandle: 'out', target: 'pool' }, flow)).toEqual({
      ok: false,
      reason: 'handle-unknown',
      handle: 'out',
    });
  });

  it('rejects an unnamed handle on a node with several', () => {
    expect(checkConnection({ source: 'f', target: 'pool' }, flow)).toEqual({
      ok: false,
      reason: 'handle-unknown',
    });
  });

  it('rejects edges from a pool, which has no outputs', () => {
    expect(checkConnection({ source: 'pool', target: 'rr' }, flow)).toMatchObject({
      ok: false,
      reason: 'handle-unknown',
    });
  });

  it('rejects missing nodes', () => {
    expect(checkConnection({ source: 'x', target: 'f' }, flow)).toMatchObject({
      reason: 'source-missing',
    });
    expect(checkConnection({ source: 'f', sourceHandle: 'else', target: 'x' }, flow)).toMatchObject(
      {
        reason: 'target-missing',
      },
    );
  });
});
