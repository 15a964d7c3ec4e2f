import type { FlowDocument, FlowEdge, FlowNode } from '@sras/engine';
import type { SampleRep } from '../sample-reps';

const COLUMN_WIDTH = 280;
const ROW_HEIGHT = 150;

/** A node placed on a grid of columns (left to right) and rows. */
export function node(
  id: string,
  type: string,
  column: number,
  row: number,
  data: Record<string, unknown> = {},
): FlowNode {
  return { id, type, position: { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT }, data };
}

/** An edge from a node's output handle to another node. */
export function edge(source: string, sourceHandle: string, target: string): FlowEdge {
  return { id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target };
}

/** Round-robin or least-loaded assignees for sample reps. */
export function assignees(reps: readonly SampleRep[]): { repId: string }[] {
  return reps.map((rep) => ({ repId: rep.id }));
}

export function flowDocument(
  id: string,
  name: string,
  nodes: FlowNode[],
  edges: FlowEdge[],
): FlowDocument {
  return { format: 'sras.flow', version: 1, id, name, timezone: 'Asia/Shanghai', nodes, edges };
}
