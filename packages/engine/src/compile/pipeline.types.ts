import type { DedupKey, NodeType, QuotaPeriod } from '../flow/flow.types.js';

/**
 * The compiled form of a flow: plain JSON that a host can store, send to a
 * Web Worker or another process, and hand to `createRunner`. Nodes are in
 * topological order with the source first, and handles are resolved to the
 * indexes of their target nodes. Conditions stay validated JSON Logic, which
 * the runner compiles once, together with the region tables.
 */
export interface Pipeline {
  format: 'sras.pipeline';
  version: 1;
  flowId: string;
  flowName: string;
  /** IANA time zone of the flow's days, weeks and months. */
  timezone: string;
  nodes: PipelineNode[];
}

interface PipelineNodeBase<T extends NodeType> {
  id: string;
  type: T;
  /** The node's `data.label`, when it has one, for traces and reports. */
  label: string | null;
  /** Output handles, in the order of {@link getOutputHandles}. */
  handles: string[];
  /** Per handle, the index in `nodes` of the node its edge leads to, or null. */
  targets: (number | null)[];
  /** Per handle, the id of its edge, or null. */
  edges: (string | null)[];
}

export type PipelineSourceNode = PipelineNodeBase<'source'>;

export interface PipelineFilterNode extends PipelineNodeBase<'filter'> {
  condition: unknown;
}

export interface PipelineScoreNode extends PipelineNodeBase<'score'> {
  field: string;
  base: number;
  rules: { label: string | null; condition: unknown; points: number }[];
}

export interface PipelineBranchNode extends PipelineNodeBase<'branch'> {
  /** Case `i` leaves by handle `i`; `else` is the last handle. */
  cases: { id: string; label: string | null; condition: unknown }[];
}

export interface PipelineRegionSplitNode extends PipelineNodeBase<'regionSplit'> {
  field: string;
  /** Region `i` leaves by handle `i`; values are trimmed, without blanks or repeats. */
  regions: { id: string; label: string | null; values: string[] }[];
}

export interface PipelineQuotaNode extends PipelineNodeBase<'quota'> {
  limit: number;
  period: QuotaPeriod;
  per: string | null;
}

export interface PipelineDedupNode extends PipelineNodeBase<'dedup'> {
  keys: DedupKey[];
  assignExistingOwner: boolean;
}

export interface PipelineRoundRobinNode extends PipelineNodeBase<'roundRobin'> {
  /** `weight` null means the rep's own weight, else 1. */
  assignees: { repId: string; weight: number | null }[];
}

export interface PipelineLeastLoadedNode extends PipelineNodeBase<'leastLoaded'> {
  assignees: { repId: string }[];
}

export interface PipelineAssignNode extends PipelineNodeBase<'assign'> {
  repId: string;
}

export interface PipelinePoolNode extends PipelineNodeBase<'pool'> {
  reason: string | null;
}

export type PipelineNode =
  | PipelineSourceNode
  | PipelineFilterNode
  | PipelineScoreNode
  | PipelineBranchNode
  | PipelineRegionSplitNode
  | PipelineQuotaNode
  | PipelineDedupNode
  | PipelineRoundRobinNode
  | PipelineLeastLoadedNode
  | PipelineAssignNode
  | PipelinePoolNode;
