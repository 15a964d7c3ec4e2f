import type { FlowDocument } from '@sras/engine';
import { describe, expect, it } from 'vitest';
import { readLeadResult, roundRobinPoolsOf } from './run-records';

const FLOW: FlowDocument = {
  format: 'sras.flow',
  version: 1,
  id: 'flow-1',
  name: '展会线索',
  timezone: 'Asia/Shanghai',
  nodes: [
    { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'rr',
      type: 'roundRobin',
      position: { x: 0, y: 0 },
      data: {
        label: '华东轮询',
        assignees: [{ repId: 'r1', weight: 2 }, { repId: 'r2' }, { repId: 'r9' }],
      },
    },
    { id: 'as', type: 'assign', position: { x: 0, y: 0 }, data: { repId: 'r3' } },
  ],
  edges: [],
};

describe('roundRobinPoolsOf', () => {
  it('lists round-robin nodes with assignee, rep or default weights', () => {
    const reps = [{ id: 'r2', name: '王芳', team: '', weight: 3, createdAt: 0, updatedAt: 0 }];
    expect(roundRobinPoolsOf(FLOW, reps, '展会线索')).toEqual([
      {
        nodeId: 'rr',
        label: '展会线索 · 华东轮询',
        assignees: [
          { repId: 'r1', weight: 2 },
          { repId: 'r2', weight: 3 },
          { repId: 'r9', weight: 1 },
        ],
      },
    ]);
  });
});

describe('readLeadResult', () => {
  const pools = new Set(['rr']);

  it('takes the pool from the terminal node, the node id or the last route step', () => {
    expect(readLeadResult({ ownerId: 'r1', terminalNodeId: 'rr' }, pools)).toEqual({
      ownerId: 'r1',
      roundRobinNodeId: 'rr',
    });
    expect(readLeadResult({ ownerId: 'r1', nodeId: 'rr' }, pools)).toEqual({
      ownerId: 'r1',
      roundRobinNodeId: 'rr',
    });
    expect(readLeadResult({ ownerId: 'r1', route: ['src:out', 'rr:assigned'] }, pools)).toEqual({
      ownerId: 'r1',
      roundRobinNodeId: 'rr',
    });
    expect(
      readLeadResult({ ownerId: 'r1', route: [{ nodeId: 'src' }, { nodeId: 'rr' }] }, pools),
    ).toEqual({ ownerId: 'r1', roundRobinNodeId: 'rr' });
  });

  it('counts no pool for leads another node assigned or nobody got', () => {
    expect(readLeadResult({ ownerId: 'r3', terminalNodeId: 'as' }, pools)).toEqual({
      ownerId: 'r3',
      roundRobinNodeId: null,
    });
    expect(readLeadResult({ ownerId: null, terminalNodeId: 'rr' }, pools)).toEqual({
      ownerId: null,
      roundRobinNodeId: null,
    });
    expect(readLeadResult('garbage', pools)).toEqual({ ownerId: null });
  });
});
