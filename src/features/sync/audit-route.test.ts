import type { FlowNode } from '@sras/engine';
import { describe, expect, it } from 'vitest';
import { describeRoute } from './audit-route';

const nodes: FlowNode[] = [
  { id: 'source', type: 'source', position: { x: 0, y: 0 }, data: {} },
  { id: 'dedup', type: 'dedup', position: { x: 1, y: 0 }, data: {} },
  { id: 'rr', type: 'roundRobin', position: { x: 2, y: 0 }, data: {} },
];
const handles: Record<string, string> = { unique: '不重复', overflow: '无可分配销售' };

describe('describeRoute', () => {
  it('names nodes and handles by their labels', () => {
    const route = describeRoute(
      ['source:out', 'dedup:unique', 'rr:overflow'],
      nodes,
      'zh-CN',
      (_node, handle) => handles[handle] ?? handle,
    );

    expect(route).toEqual(['线索入口', '撞单保护（不重复）', '轮询分配（无可分配销售）']);
  });

  it('keeps the ids of steps whose node is unknown', () => {
    expect(describeRoute(['gone:out'], nodes, 'en', () => '')).toEqual(['gone:out']);
  });
});
