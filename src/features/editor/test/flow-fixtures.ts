import type { FlowDocument, FlowEdge, FlowNode } from '@sras/engine';

/** A flow document with the given nodes and edges, for tests. */
export function makeFlow(nodes: FlowNode[], edges: FlowEdge[] = []): FlowDocument {
  return {
    format: 'sras.flow',
    version: 1,
    id: 'flow-test',
    name: 'Test flow',
    timezone: 'Asia/Shanghai',
    nodes,
    edges,
  };
}

/** A node of `type` at (x, y) with the given data. */
export function makeNode(
  id: string,
  type: string,
  data: Record<string, unknown> = {},
  x = 0,
  y = 0,
): FlowNode {
  return { id, type, position: { x, y }, data };
}

/** An edge from `source` (by `sourceHandle`) to `target`. */
export function makeEdge(
  id: string,
  source: string,
  target: string,
  sourceHandle?: string,
): FlowEdge {
  return sourceHandle === undefined ? { id, source, target } : { id, source, target, sourceHandle };
}
