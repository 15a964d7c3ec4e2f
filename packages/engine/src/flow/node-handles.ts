import { NODE_TYPES, type NodeType } from './flow.types.js';

/** The handle every branch-like node adds after its cases or regions. */
export const ELSE_HANDLE = 'else';

/** Output handles that do not depend on a node's data, by node type. */
export const FIXED_OUTPUT_HANDLES: Readonly<Record<NodeType, readonly string[]>> = {
  source: ['out'],
  filter: ['match', ELSE_HANDLE],
  score: ['out'],
  branch: [ELSE_HANDLE],
  regionSplit: [ELSE_HANDLE],
  quota: ['within', 'overflow'],
  dedup: ['unique', 'duplicate'],
  roundRobin: ['overflow'],
  leastLoaded: ['overflow'],
  assign: ['overflow'],
  pool: [],
};

/** True when `type` is one of the node types of the format. */
export function isNodeType(type: unknown): type is NodeType {
  return typeof type === 'string' && (NODE_TYPES as readonly string[]).includes(type);
}

/** True for a node type that has no input (the flow's entry point). */
export function hasInput(type: string): boolean {
  return type !== 'source';
}

/**
 * Lists a node's output handles in order: a branch's case ids and a region
 * split's region ids come first, then `else`. Cases or regions without a
 * usable id (not a non-empty string, `else`, or a repeat) are left out; the
 * validator reports them. An unknown node type has no handles.
 *
 * @example getOutputHandles({ type: 'filter', data: {} }) // ['match', 'else']
 */
export function getOutputHandles(node: { type: string; data?: unknown }): string[] {
  if (!isNodeType(node.type)) return [];
  if (node.type !== 'branch' && node.type !== 'regionSplit') {
    return [...FIXED_OUTPUT_HANDLES[node.type]];
  }

  const data = isRecord(node.data) ? node.data : {};
  const items = node.type === 'branch' ? data.cases : data.regions;
  const handles: string[] = [];
  if (Array.isArray(items)) {
    for (const item of items) {
      const id = isRecord(item) ? item.id : undefined;
      if (typeof id === 'string' && id !== '' && id !== ELSE_HANDLE && !handles.includes(id)) {
        handles.push(id);
      }
    }
  }
  handles.push(ELSE_HANDLE);
  return handles;
}

/**
 * Resolves the handle an edge leaves from: its `sourceHandle`, or the node's
 * only handle when the edge names none (absent, null or empty). Returns null when the edge names no
 * handle and the node has several, or none.
 */
export function resolveSourceHandle(
  edge: { sourceHandle?: string | null },
  handles: readonly string[],
): string | null {
  const named = edge.sourceHandle;
  if (named !== undefined && named !== null && named !== '') return named;
  return handles.length === 1 ? (handles[0] ?? null) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
