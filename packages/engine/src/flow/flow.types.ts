/**
 * Types of the portable flow document, format `sras.flow` version 1.
 *
 * Nodes and edges have the shape of React Flow's so that the editor maps them
 * in one place. Unknown fields are kept on load and save, so every object type
 * here allows extra keys.
 */

/** A JSON Logic expression over a lead's fields. */
export type Condition = unknown;

export interface Position {
  x: number;
  y: number;
}

export interface SourceData {
  [key: string]: unknown;
}

export interface FilterData {
  condition?: Condition;
  [key: string]: unknown;
}

export interface ScoreRule {
  label?: string;
  condition?: Condition;
  points: number;
  [key: string]: unknown;
}

export interface ScoreData {
  /** Lead field the score is written to; default `score`. */
  field?: string;
  /** Points every lead starts with; default 0. */
  base?: number;
  rules: ScoreRule[];
  [key: string]: unknown;
}

export interface BranchCase {
  /** Also the name of the case's output handle. */
  id: string;
  label?: string;
  condition?: Condition;
  [key: string]: unknown;
}

export interface BranchData {
  cases: BranchCase[];
  [key: string]: unknown;
}

export interface Region {
  /** Also the name of the region's output handle. */
  id: string;
  label?: string;
  /** Canonical province short names, or any other values of the field. */
  values: string[];
  [key: string]: unknown;
}

export interface RegionSplitData {
  /** Lead field holding the region value; default `province`. */
  field?: string;
  regions: Region[];
  [key: string]: unknown;
}

export type QuotaPeriod = 'day' | 'week' | 'month' | 'total';

export interface QuotaData {
  limit: number;
  period: QuotaPeriod;
  /** When set, the limit applies per distinct value of this lead field. */
  per?: string;
  [key: string]: unknown;
}

export type DedupKey = 'phone' | 'email' | 'company';

export interface DedupData {
  keys: DedupKey[];
  /** Default true. */
  assignExistingOwner?: boolean;
  [key: string]: unknown;
}

export interface Assignee {
  repId: string;
  /** Overrides the rep's own weight in this node. */
  weight?: number;
  [key: string]: unknown;
}

export interface RoundRobinData {
  assignees: Assignee[];
  [key: string]: unknown;
}

export interface LeastLoadedData {
  assignees: Assignee[];
  [key: string]: unknown;
}

export interface AssignData {
  repId: string;
  [key: string]: unknown;
}

export interface PoolData {
  reason?: string;
  [key: string]: unknown;
}

/** Node data by node type. */
export interface NodeDataByType {
  source: SourceData;
  filter: FilterData;
  score: ScoreData;
  branch: BranchData;
  regionSplit: RegionSplitData;
  quota: QuotaData;
  dedup: DedupData;
  roundRobin: RoundRobinData;
  leastLoaded: LeastLoadedData;
  assign: AssignData;
  pool: PoolData;
}

export type NodeType = keyof NodeDataByType;

export const NODE_TYPES: readonly NodeType[] = [
  'source',
  'filter',
  'score',
  'branch',
  'regionSplit',
  'quota',
  'dedup',
  'roundRobin',
  'leastLoaded',
  'assign',
  'pool',
];

/**
 * A node as stored in the document. `type` is a string rather than
 * `NodeType` because a loaded document may name a type this engine does not
 * know; the validator reports it.
 */
export interface FlowNode {
  id: string;
  type: string;
  position: Position;
  data: Record<string, unknown>;
  [key: string]: unknown;
}

/** A node whose type is known, with its data typed. */
export type TypedFlowNode<T extends NodeType = NodeType> = {
  [K in T]: Omit<FlowNode, 'type' | 'data'> & { type: K; data: NodeDataByType[K] };
}[T];

export interface FlowEdge {
  id: string;
  source: string;
  /** Output handle of the source node; omitted means the node's only handle. */
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
  [key: string]: unknown;
}

export interface FlowDocument {
  format: 'sras.flow';
  version: 1;
  id: string;
  name: string;
  description?: string;
  /** IANA time zone for calendar days, weeks and months. */
  timezone: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  [key: string]: unknown;
}

export interface UnavailablePeriod {
  /** First day, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
}

export interface RepCapacity {
  day?: number | null;
  week?: number | null;
  month?: number | null;
}

export interface Rep {
  id: string;
  name: string;
  team?: string;
  /** Default true. */
  active?: boolean;
  /** Default 1. */
  weight?: number;
  /** Missing or null means no limit; 0 means no leads in that period. */
  capacity?: RepCapacity;
  /** Leads still open in the CRM; default 0. */
  openLeads?: number;
  unavailable?: UnavailablePeriod[];
  /** Names the rep had before renames, oldest first; the dashboard matches deal owners by them. */
  formerNames?: string[];
  [key: string]: unknown;
}

/** A lead: a record of strings, numbers and booleans (null for empty). */
export type LeadValue = string | number | boolean | null;
export type Lead = Record<string, LeadValue | undefined>;

/** A row of the existing-owners list used by dedup. */
export interface ExistingOwner {
  phone?: string | null;
  email?: string | null;
  company?: string | null;
  owner_id: string;
  [key: string]: unknown;
}
