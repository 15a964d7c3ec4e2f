import { describe, expect, it } from 'vitest';
import { repairFlow } from '../src/flow/flow.repair.js';
import type { FlowDocument, FlowEdge } from '../src/flow/flow.types.js';
import { validateFlow } from '../src/validation/flow.validator.js';
import { buildFlow } from './support/flow-builder.js';

/** Builds a sound flow: source → filter, match → region split, else and regions → pools. */
function soundFlow(): FlowDocument {
  return buildFlow(
    [
      ['src', 'source'],
      ['f', 'filter', { condition: { '>': [{ var: 'visits' }, 1] } }],
      ['rs', 'regionSplit', { regions: [{ id: 'south', values: ['广东'] }] }],
      ['pool', 'pool'],
    ],
    [
      ['src', 'out', 'f'],
      ['f', 'match', 'rs'],
      ['f', 'else', 'pool'],
      ['rs', 'south', 'pool'],
      ['rs', 'else', 'pool'],
    ],
    { description: 'kept', custom: { note: 'unknown field' } } as Partial<FlowDocument>,
  );
}

function withEdges(flow: FlowDocument, ...edges: FlowEdge[]): FlowDocument {
  return { ...flow, edges: [...flow.edges, ...edges] };
}

describe('repairFlow', () => {
  it('returns a sound flow itself with no repairs', () => {
    const flow = soundFlow();

    const result = repairFlow(flow);

    expect(result.flow).toBe(flow);
    expect(result.repairs).toEqual([]);
  });

  it('drops edges to and from missing nodes, naming them', () => {
    const flow = withEdges(
      soundFlow(),
      { id: 'in', source: 'gone', target: 'f' },
      { id: 'out', source: 'rs', sourceHandle: 'north', target: 'lost' },
      { id: 'both', source: 'x', target: 'x' },
    );

    const { flow: repaired, repairs } = repairFlow(flow);

    expect(repairs).toEqual([
      { kind: 'edge-node-missing', edgeId: 'in', missingNodeIds: ['gone'] },
      { kind: 'edge-node-missing', edgeId: 'out', missingNodeIds: ['lost'] },
      { kind: 'edge-node-missing', edgeId: 'both', missingNodeIds: ['x'] },
    ]);
    expect(repaired.edges).toEqual(soundFlow().edges);
  });

  it('drops edges from handles the node does not have', () => {
    const flow = withEdges(
      soundFlow(),
      { id: 'old-region', source: 'rs', sourceHandle: 'north', target: 'pool' },
      { id: 'from-pool', source: 'pool', target: 'f' },
      { id: 'unnamed', source: 'f', target: 'pool' },
    );

    const { repairs } = repairFlow(flow);

    expect(repairs).toEqual([
      { kind: 'edge-handle-unknown', edgeId: 'old-region', nodeId: 'rs', handle: 'north' },
      { kind: 'edge-handle-missing', edgeId: 'from-pool', nodeId: 'pool', handles: [] },
      { kind: 'edge-handle-missing', edgeId: 'unnamed', nodeId: 'f', handles: ['match', 'else'] },
    ]);
  });

  it('keeps an edge without a handle from a node with one output', () => {
    const flow = soundFlow();
    const [first, ...rest] = flow.edges;
    const unnamed = { ...flow, edges: [{ ...first!, sourceHandle: null }, ...rest] };

    expect(repairFlow(unnamed).repairs).toEqual([]);
  });

  it('keeps edges from a node of unknown type', () => {
    const flow = soundFlow();
    const future = {
      ...flow,
      nodes: [...flow.nodes, { id: 'ai', type: 'aiScore', position: { x: 0, y: 0 }, data: {} }],
      edges: [...flow.edges, { id: 'ai-out', source: 'ai', sourceHandle: 'hot', target: 'pool' }],
    };

    expect(repairFlow(future).repairs).toEqual([]);
  });

  it('keeps the first node and edge of a repeated id', () => {
    const flow = soundFlow();
    const repeated = {
      ...flow,
      nodes: [...flow.nodes, { id: 'f', type: 'pool', position: { x: 1, y: 1 }, data: {} }],
      edges: [...flow.edges, { id: 'f-match', source: 'src', target: 'pool' }],
    };

    const { flow: repaired, repairs } = repairFlow(repeated);

    expect(repairs).toEqual([
      { kind: 'node-id-duplicate', nodeId: 'f' },
      { kind: 'edge-id-duplicate', edgeId: 'f-match' },
    ]);
    expect(repaired.nodes).toEqual(flow.nodes);
    expect(repaired.edges).toEqual(flow.edges);
  });

  it('checks only what the options ask for', () => {
    const flow = soundFlow();
    const broken = {
      ...flow,
      nodes: [...flow.nodes, { id: 'f', type: 'pool', position: { x: 1, y: 1 }, data: {} }],
      edges: [
        ...flow.edges,
        { id: 'f-match', source: 'src', target: 'pool' },
        { id: 'old-region', source: 'rs', sourceHandle: 'north', target: 'pool' },
        { id: 'dangling', source: 'f', sourceHandle: 'else', target: 'gone' },
      ],
    };

    const { flow: repaired, repairs } = repairFlow(broken, {
      duplicateIds: false,
      handles: false,
    });

    expect(repairs).toEqual([
      { kind: 'edge-node-missing', edgeId: 'dangling', missingNodeIds: ['gone'] },
    ]);
    expect(repaired.nodes).toHaveLength(broken.nodes.length);
    expect(repaired.edges).toHaveLength(broken.edges.length - 1);
  });

  it('keeps unknown fields and leaves the input unchanged', () => {
    const flow = withEdges(soundFlow(), { id: 'in', source: 'gone', target: 'f' });
    const before = structuredClone(flow);

    const { flow: repaired } = repairFlow(flow);

    expect(flow).toEqual(before);
    expect(repaired).toMatchObject({ description: 'kept', custom: { note: 'unknown field' } });
  });

  it('leaves none of the dropped parts for the validator to report', () => {
    const flow = withEdges(
      soundFlow(),
      { id: 'in', source: 'gone', target: 'f' },
      { id: 'old-region', source: 'rs', sourceHandle: 'north', target: 'pool' },
      { id: 'unnamed', source: 'f', target: 'pool' },
    );
    const dropped = new Set([
      'edge-source-missing',
      'edge-target-missing',
      'edge-handle-unknown',
      'edge-handle-missing',
    ]);

    const before = validateFlow(flow).filter((problem) => dropped.has(problem.code));
    const after = validateFlow(repairFlow(flow).flow);

    expect(before).toHaveLength(3);
    expect(after).toEqual([]);
  });
});
