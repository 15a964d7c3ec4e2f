import type { FlowDocument, FlowNode } from '@sras/engine';
import { describe, expect, it } from 'vitest';
import { diffFields, diffFlows, isEmptyDiff, isMoveOnly } from './flow-diff';

function node(id: string, type: string, data: Record<string, unknown> = {}, x = 0): FlowNode {
  return { id, type, position: { x, y: 0 }, data };
}

function flow(
  nodes: FlowNode[],
  edges: FlowDocument['edges'] = [],
  extra: Partial<FlowDocument> = {},
): FlowDocument {
  return {
    format: 'sras.flow',
    version: 1,
    id: 'f',
    name: '流程',
    timezone: 'Asia/Shanghai',
    nodes,
    edges,
    ...extra,
  };
}

describe('diffFlows', () => {
  it('finds no change between equal documents', () => {
    const document = flow([node('s', 'source')]);

    const diff = diffFlows(document, structuredClone(document));

    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('lists added and removed nodes and edges', () => {
    const before = flow(
      [node('s', 'source'), node('p', 'pool')],
      [{ id: 'e1', source: 's', target: 'p' }],
    );
    const after = flow(
      [node('s', 'source'), node('q', 'quota', { limit: 50, period: 'day' })],
      [{ id: 'e2', source: 's', target: 'q' }],
    );

    const diff = diffFlows(before, after);

    expect(diff.nodes.added.map((n) => n.id)).toEqual(['q']);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(['p']);
    expect(diff.edges.added.map((e) => e.id)).toEqual(['e2']);
    expect(diff.edges.removed.map((e) => e.id)).toEqual(['e1']);
    expect(diff.nodes.changed).toEqual([]);
  });

  it('reports a changed node field by field', () => {
    const before = flow([node('q', 'quota', { limit: 50, period: 'day' })]);
    const after = flow([node('q', 'quota', { limit: 80, period: 'day', per: 'city' })]);

    const [changed] = diffFlows(before, after).nodes.changed;

    expect(changed?.id).toBe('q');
    expect(changed?.changes).toEqual([
      { path: 'data.limit', before: 50, after: 80 },
      { path: 'data.per', after: 'city' },
    ]);
  });

  it('matches list elements by id', () => {
    const before = flow([
      node('r', 'regionSplit', {
        regions: [
          { id: 'east', label: '华东', values: ['上海'] },
          { id: 'south', label: '华南', values: ['广东'] },
        ],
      }),
    ]);
    const after = flow([
      node('r', 'regionSplit', {
        regions: [
          { id: 'north', label: '华北', values: ['北京'] },
          { id: 'east', label: '华东', values: ['上海', '江苏'] },
          { id: 'south', label: '华南', values: ['广东'] },
        ],
      }),
    ]);

    const changes = diffFlows(before, after).nodes.changed[0]?.changes;

    expect(changes).toEqual([
      { path: 'data.regions[id=east].values', before: ['上海'], after: ['上海', '江苏'] },
      { path: 'data.regions[id=north]', after: { id: 'north', label: '华北', values: ['北京'] } },
    ]);
  });

  it('reports a reorder of identified elements', () => {
    const assignees = [{ repId: 'r1' }, { repId: 'r2' }];
    const before = flow([node('rr', 'roundRobin', { assignees })]);
    const after = flow([node('rr', 'roundRobin', { assignees: [...assignees].reverse() })]);

    const changes = diffFlows(before, after).nodes.changed[0]?.changes;

    expect(changes).toEqual([
      { path: 'data.assignees.order', before: ['r1', 'r2'], after: ['r2', 'r1'] },
    ]);
  });

  it('reports changed edges and document fields', () => {
    const before = flow(
      [node('s', 'source'), node('f', 'filter')],
      [{ id: 'e', source: 's', target: 'f' }],
    );
    const after = flow(
      [node('s', 'source'), node('f', 'filter')],
      [{ id: 'e', source: 's', sourceHandle: 'out', target: 'f' }],
      { name: '新流程', description: '展会' },
    );

    const diff = diffFlows(before, after);

    expect(diff.document).toEqual([
      { path: 'name', before: '流程', after: '新流程' },
      { path: 'description', after: '展会' },
    ]);
    expect(diff.edges.changed[0]?.changes).toEqual([{ path: 'sourceHandle', after: 'out' }]);
  });

  it('marks a node that only moved', () => {
    const diff = diffFlows(
      flow([node('s', 'source', {}, 0)]),
      flow([node('s', 'source', {}, 120)]),
    );

    const [changed] = diff.nodes.changed;

    expect(changed && isMoveOnly(changed)).toBe(true);
    expect(changed?.changes).toEqual([{ path: 'position.x', before: 0, after: 120 }]);
  });

  it('compares conditions as whole values at each differing leaf', () => {
    const before = flow([
      node('f', 'filter', { condition: { '==': [{ var: 'source' }, '展会'] } }),
    ]);
    const after = flow([node('f', 'filter', { condition: { '==': [{ var: 'source' }, '官网'] } })]);

    const changes = diffFlows(before, after).nodes.changed[0]?.changes;

    expect(changes).toEqual([
      {
        path: 'data.condition.==',
        before: [{ var: 'source' }, '展会'],
        after: [{ var: 'source' }, '官网'],
      },
    ]);
  });
});

describe('diffFields', () => {
  it('ignores the named keys', () => {
    expect(diffFields({ id: 'a', x: 1 }, { id: 'b', x: 1 }, ['id'])).toEqual([]);
  });
});
