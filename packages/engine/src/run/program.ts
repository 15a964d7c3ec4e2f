import { compileCondition, type CompiledTest, type ConditionOptions } from '../conditions/index.js';
import type { DedupKey, QuotaPeriod } from '../flow/flow.types.js';
import { compileRegionLookup } from '../regions/index.js';
import type { Pipeline, PipelineNode } from '../compile/pipeline.types.js';
import { EngineInputError } from './engine-input.error.js';
import { needsOwnCheck } from './field-access.js';
import { RouteTrie } from './route-trie.js';

/** Node types as small integers, for the runner's switch (which repeats them as literals). */
export const NodeKind = {
  Source: 0,
  Filter: 1,
  Score: 2,
  Branch: 3,
  RegionSplit: 4,
  Quota: 5,
  Dedup: 6,
  RoundRobin: 7,
  LeastLoaded: 8,
  Assign: 9,
  Pool: 10,
} as const;

export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

const KIND_OF_TYPE: Readonly<Record<PipelineNode['type'], NodeKind>> = {
  source: NodeKind.Source,
  filter: NodeKind.Filter,
  score: NodeKind.Score,
  branch: NodeKind.Branch,
  regionSplit: NodeKind.RegionSplit,
  quota: NodeKind.Quota,
  dedup: NodeKind.Dedup,
  roundRobin: NodeKind.RoundRobin,
  leastLoaded: NodeKind.LeastLoaded,
  assign: NodeKind.Assign,
  pool: NodeKind.Pool,
};

/** Most distinct region values remembered per region split. */
const REGION_CACHE_LIMIT = 10_000;

/**
 * A pipeline node ready to run. Every node has the same fields, whatever its
 * type, so that the runner's property reads stay monomorphic. The fields a
 * type does not use keep their empty defaults.
 */
export class ProgramNode {
  /** Route step of each handle, `nodeId:handle`, built once. */
  readonly steps: string[];
  /** Per handle, the index of the next node, or -1 for an unconnected handle. */
  readonly targets: Int32Array;
  /** Per handle, the index of its edge in {@link Program.edgeIds}, or -1. */
  readonly edgeIndexes: Int32Array;
  /** Index of the node's first handle among all handles of the pipeline, for the route trie. */
  handleSlot = 0;

  /** filter: the condition; score and branch: one per rule or case. */
  condition: CompiledTest | null = null;
  conditions: CompiledTest[] = [];
  /** score: points per rule, the base, and whether a later node reads the field. */
  points: number[] = [];
  base = 0;
  /** score, regionSplit: the lead field; quota: the `per` field or ''. */
  field = '';
  fieldChecked = false;
  writesReadField = false;
  /** branch and regionSplit: id and label per case or region. */
  itemIds: string[] = [];
  itemLabels: (string | null)[] = [];
  /** regionSplit: handle index of a lead value; the else handle when it matches no region. */
  regionHandle: (value: unknown) => number = () => 0;
  /** quota */
  limit = 0;
  period: QuotaPeriod = 'total';
  /** dedup */
  dedupKeys: DedupKey[] = [];
  dedupFieldChecked: boolean[] = [];
  assignExistingOwner = true;
  /** roundRobin, leastLoaded, assign: rep ids in list order, and round-robin weights (null = the rep's). */
  repIds: string[] = [];
  weights: (number | null)[] = [];
  /** pool */
  poolReason: string | null = null;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly kind: NodeKind,
    readonly type: PipelineNode['type'],
    readonly label: string | null,
    readonly handles: string[],
    targets: (number | null)[],
    edgeIndexes: number[],
  ) {
    this.steps = handles.map((handle) => `${id}:${handle}`);
    this.targets = Int32Array.from(targets, (target) => target ?? -1);
    this.edgeIndexes = Int32Array.from(edgeIndexes);
  }
}

/** A pipeline with its conditions and region tables compiled. */
export interface Program {
  nodes: ProgramNode[];
  /** Every edge of the pipeline, in node and handle order. */
  edgeIds: string[];
  /** The empty route, root of the shared route arrays of every run. */
  routes: RouteTrie;
  nodeIds: string[];
  /** The reason text of each pool node, null for other nodes. */
  poolReasons: (string | null)[];
  /** By route slot (a node's handle, see ProgramNode.handleSlot): the node's index, and the edge's index or -1. */
  slotNodes: Int32Array;
  slotEdges: Int32Array;
}

/**
 * Compiles a pipeline's conditions and region tables once. Throws an
 * {@link EngineInputError} when a condition does not compile, which only
 * happens for a pipeline that did not come from `compileFlow`.
 */
export function buildProgram(pipeline: Pipeline, conditionOptions?: ConditionOptions): Program {
  const edgeIds: string[] = [];
  const fieldsRead = new Set<string>();
  let readsUnknownFields = false;

  const compile = (expression: unknown, nodeId: string, field: string): CompiledTest => {
    const compiled = compileCondition(expression, conditionOptions);
    if (!compiled.ok) {
      const codes = compiled.problems.map((problem) => problem.code).join(', ');
      throw new EngineInputError(`node ${nodeId}: ${field} does not compile (${codes})`, [
        { path: `nodes.${nodeId}.${field}`, message: codes },
      ]);
    }
    for (const name of compiled.fields) fieldsRead.add(name);
    if (collectFieldNames(expression, fieldsRead)) readsUnknownFields = true;
    return compiled.test;
  };

  let handleCount = 0;
  const nodes = pipeline.nodes.map((source, index) => {
    const edgeIndexes = source.edges.map((edgeId) => {
      if (edgeId === null) return -1;
      edgeIds.push(edgeId);
      return edgeIds.length - 1;
    });
    const node = new ProgramNode(
      index,
      source.id,
      KIND_OF_TYPE[source.type],
      source.type,
      source.label,
      source.handles,
      source.targets,
      edgeIndexes,
    );
    node.handleSlot = handleCount;
    handleCount += source.handles.length;
    fillNode(node, source, compile, fieldsRead);
    return node;
  });

  markScoreWrites(nodes, fieldsRead, readsUnknownFields);
  const steps = nodes.flatMap((node) => node.steps);
  const slotNodes = new Int32Array(handleCount);
  const slotEdges = new Int32Array(handleCount);
  for (const node of nodes) {
    node.edgeIndexes.forEach((edge, handle) => {
      slotNodes[node.handleSlot + handle] = node.index;
      slotEdges[node.handleSlot + handle] = edge;
    });
  }

  return {
    nodes,
    edgeIds,
    slotNodes,
    slotEdges,
    routes: new RouteTrie(handleCount, (slot) => steps[slot] as string),
    nodeIds: nodes.map((node) => node.id),
    poolReasons: nodes.map((node) => (node.kind === NodeKind.Pool ? node.poolReason : null)),
  };
}

type ConditionCompiler = (expression: unknown, nodeId: string, field: string) => CompiledTest;

/** Copies a node's settings and compiles its conditions. */
function fillNode(
  node: ProgramNode,
  source: PipelineNode,
  compile: ConditionCompiler,
  fieldsRead: Set<string>,
): void {
  switch (source.type) {
    case 'filter':
      node.condition = compile(source.condition, source.id, 'data.condition');
      return;
    case 'score':
      node.field = source.field;
      node.base = source.base;
      node.points = source.rules.map((rule) => rule.points);
      node.itemLabels = source.rules.map((rule) => rule.label);
      node.conditions = source.rules.map((rule, index) =>
        compile(rule.condition, source.id, `data.rules[${index}].condition`),
      );
      return;
    case 'branch':
      node.itemIds = source.cases.map((item) => item.id);
      node.itemLabels = source.cases.map((item) => item.label);
      node.conditions = source.cases.map((item, index) =>
        compile(item.condition, source.id, `data.cases[${index}].condition`),
      );
      return;
    case 'regionSplit':
      node.field = source.field;
      node.fieldChecked = needsOwnCheck(source.field);
      node.itemIds = source.regions.map((region) => region.id);
      node.itemLabels = source.regions.map((region) => region.label);
      node.regionHandle = compileRegionHandle(source.regions);
      fieldsRead.add(source.field);
      return;
    case 'quota':
      node.limit = source.limit;
      node.period = source.period;
      node.field = source.per ?? '';
      node.fieldChecked = source.per !== null && needsOwnCheck(source.per);
      if (source.per !== null) fieldsRead.add(source.per);
      return;
    case 'dedup':
      node.dedupKeys = source.keys;
      node.dedupFieldChecked = source.keys.map(needsOwnCheck);
      node.assignExistingOwner = source.assignExistingOwner;
      for (const key of source.keys) fieldsRead.add(key);
      return;
    case 'roundRobin':
      node.repIds = source.assignees.map((assignee) => assignee.repId);
      node.weights = source.assignees.map((assignee) => assignee.weight);
      return;
    case 'leastLoaded':
      node.repIds = source.assignees.map((assignee) => assignee.repId);
      return;
    case 'assign':
      node.repIds = [source.repId];
      return;
    case 'pool':
      node.poolReason = source.reason;
      return;
    case 'source':
      return;
  }
}

/**
 * Marks the score nodes whose field a node reads. Only those write the score
 * into (a copy of) the lead; the others write it to the result alone, which
 * saves a copy of every lead.
 */
function markScoreWrites(
  nodes: ProgramNode[],
  fieldsRead: ReadonlySet<string>,
  readsUnknown: boolean,
): void {
  for (const node of nodes) {
    if (node.kind === NodeKind.Score)
      node.writesReadField = readsUnknown || fieldsRead.has(node.field);
  }
}

/**
 * Maps a lead value to the handle of its region: the first region whose
 * values contain it, else the `else` handle after the regions. Results for
 * text values are cached, since a dataset repeats a few dozen provinces.
 */
function compileRegionHandle(
  regions: readonly { id: string; values: string[] }[],
): (value: unknown) => number {
  const lookup = compileRegionLookup(regions);
  const handleOf = new Map(regions.map((region, index) => [region.id, index]));
  const elseHandle = regions.length;
  const cache = new Map<string, number>();

  const resolve = (value: unknown): number => {
    const regionId = lookup(value);
    return regionId === null ? elseHandle : (handleOf.get(regionId) ?? elseHandle);
  };

  return (value) => {
    if (typeof value !== 'string') return resolve(value);
    const cached = cache.get(value);
    if (cached !== undefined) return cached;

    const handle = resolve(value);
    if (cache.size < REGION_CACHE_LIMIT) cache.set(value, handle);
    return handle;
  };
}

/**
 * Adds the field names a condition reads through `var`, `missing` and
 * `missing_some` to `into` (the whole name and its first dotted segment).
 * Returns true when a name is computed by an expression (`{"var": {"cat":
 * …}}`), so that the fields read cannot all be listed before running.
 */
export function collectFieldNames(expression: unknown, into: Set<string>): boolean {
  if (Array.isArray(expression)) {
    let computed = false;
    for (const item of expression) if (collectFieldNames(item, into)) computed = true;
    return computed;
  }
  if (typeof expression !== 'object' || expression === null) return false;

  let computed = false;
  for (const [operator, argument] of Object.entries(expression)) {
    if (operator === 'var') {
      const name: unknown = Array.isArray(argument) ? (argument as unknown[])[0] : argument;
      if (!addName(name, into)) computed = true;
      if (Array.isArray(argument) && collectFieldNames(argument.slice(1), into)) computed = true;
    } else if (operator === 'missing' || operator === 'missing_some') {
      const names: unknown =
        operator === 'missing_some' && Array.isArray(argument) ? argument[1] : argument;
      for (const name of Array.isArray(names) ? names : [names])
        if (!addName(name, into)) computed = true;
    } else if (collectFieldNames(argument, into)) {
      computed = true;
    }
  }
  return computed;
}

/** Adds a literal field name; returns false when the name is computed. */
function addName(name: unknown, into: Set<string>): boolean {
  if (name === undefined || name === null) return true;
  if (typeof name !== 'string' && typeof name !== 'number') return false;

  const text = String(name);
  into.add(text);
  into.add(text.split('.')[0] ?? text);
  return true;
}
