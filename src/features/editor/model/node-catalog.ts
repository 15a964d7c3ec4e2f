import type { NodeType } from '@sras/engine';
import { NODE_TYPES } from '@sras/engine';

/** Palette group a node type is listed under. */
export type NodeCategory = 'entry' | 'route' | 'guard' | 'assign';

/** Editor-side facts about one node type: where it is listed and what a new node holds. */
export interface NodeTypeSpec {
  type: NodeType;
  category: NodeCategory;
  /** Mantine colour name used for the card accent and the palette icon. */
  color: string;
  /** Data of a node freshly added from the palette. */
  createData: () => Record<string, unknown>;
}

const SPECS: Record<NodeType, Omit<NodeTypeSpec, 'type'>> = {
  source: { category: 'entry', color: 'gray', createData: () => ({}) },
  filter: { category: 'route', color: 'blue', createData: () => ({}) },
  score: {
    category: 'route',
    color: 'grape',
    createData: () => ({ field: 'score', base: 0, rules: [] }),
  },
  branch: {
    category: 'route',
    color: 'indigo',
    createData: () => ({ cases: [{ id: 'case1', label: '' }] }),
  },
  regionSplit: {
    category: 'route',
    color: 'cyan',
    createData: () => ({ field: 'province', regions: [] }),
  },
  quota: {
    category: 'guard',
    color: 'orange',
    createData: () => ({ limit: 50, period: 'day' }),
  },
  dedup: {
    category: 'guard',
    color: 'red',
    createData: () => ({ keys: ['phone', 'email', 'company'], assignExistingOwner: true }),
  },
  roundRobin: { category: 'assign', color: 'teal', createData: () => ({ assignees: [] }) },
  leastLoaded: { category: 'assign', color: 'green', createData: () => ({ assignees: [] }) },
  assign: { category: 'assign', color: 'lime', createData: () => ({ repId: '' }) },
  pool: { category: 'assign', color: 'yellow', createData: () => ({}) },
};

/** Every node type in palette order. */
export const NODE_TYPE_SPECS: readonly NodeTypeSpec[] = NODE_TYPES.map((type) => ({
  type,
  ...SPECS[type],
}));

/** Whether a document node type is one the editor knows. */
export function isKnownNodeType(type: string): type is NodeType {
  return Object.hasOwn(SPECS, type);
}

/** The spec of a known node type, or undefined for a type this editor does not know. */
export function getNodeTypeSpec(type: string): NodeTypeSpec | undefined {
  if (!isKnownNodeType(type)) return undefined;
  return { type, ...SPECS[type] };
}
