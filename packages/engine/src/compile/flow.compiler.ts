import type { DedupKey, FlowDocument, FlowNode, QuotaPeriod } from '../flow/flow.types.js';
import { getOutputHandles } from '../flow/node-handles.js';
import { topologicalOrder } from '../graph/graph.js';
import {
  inspectFlow,
  type UsableEdge,
  type ValidateFlowOptions,
} from '../validation/flow.validator.js';
import { DEDUP_KEYS, isNonEmptyString, isRecord } from '../validation/node-data.validator.js';
import { hasErrors, type FlowProblem } from '../validation/problem.types.js';
import type { Pipeline, PipelineNode } from './pipeline.types.js';

export type CompileFlowResult =
  | { ok: true; pipeline: Pipeline; warnings: FlowProblem[] }
  | { ok: false; problems: FlowProblem[] };

/**
 * Compiles a loaded flow into a {@link Pipeline}: validates it, and on success
 * keeps the nodes a lead can reach, in topological order, with every handle
 * resolved to the index of its target node and defaults filled in. Returns
 * the problems instead when any is an error; warnings pass through either way.
 */
export function compileFlow(
  flow: FlowDocument,
  options: ValidateFlowOptions = {},
): CompileFlowResult {
  const inspection = inspectFlow(flow, options);
  if (hasErrors(inspection.problems) || inspection.sourceId === null) {
    return { ok: false, problems: inspection.problems };
  }

  const nodes = inspection.nodes.filter((node) => inspection.reachable.has(node.id));
  const edges = inspection.edges.filter(({ edge }) => inspection.reachable.has(edge.source));
  const ordered = topologicalOrder(
    nodes,
    edges.map(({ edge }) => edge),
  );
  // inspectFlow reports a cycle as an error, so the order always exists here.
  if (!ordered.ok) return { ok: false, problems: inspection.problems };

  const indexOf = new Map(ordered.order.map((id, index) => [id, index]));
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const pipelineNodes = ordered.order.map((id) =>
    compileNode(nodeById.get(id) as FlowNode, edges, indexOf),
  );

  return {
    ok: true,
    pipeline: {
      format: 'sras.pipeline',
      version: 1,
      flowId: flow.id,
      flowName: flow.name,
      timezone: flow.timezone,
      nodes: pipelineNodes,
    },
    warnings: inspection.problems,
  };
}

function compileNode(
  node: FlowNode,
  edges: readonly UsableEdge[],
  indexOf: ReadonlyMap<string, number>,
): PipelineNode {
  const handles = getOutputHandles(node);
  const targets: (number | null)[] = [];
  const edgeIds: (string | null)[] = [];
  for (const handle of handles) {
    const usable = edges.find(
      ({ edge, handle: from }) => edge.source === node.id && from === handle,
    );
    targets.push(usable === undefined ? null : (indexOf.get(usable.edge.target) ?? null));
    edgeIds.push(usable === undefined ? null : usable.edge.id);
  }

  const data = node.data;
  const base = {
    id: node.id,
    label: isNonEmptyString(data.label) ? data.label : null,
    handles,
    targets,
    edges: edgeIds,
  };

  switch (node.type) {
    case 'filter':
      return { ...base, type: 'filter', condition: data.condition };
    case 'score':
      return {
        ...base,
        type: 'score',
        field: isNonEmptyString(data.field) ? data.field : 'score',
        base: typeof data.base === 'number' ? data.base : 0,
        rules: recordsOf(data.rules).map((rule) => ({
          label: labelOf(rule),
          condition: rule.condition,
          points: rule.points as number,
        })),
      };
    case 'branch':
      return {
        ...base,
        type: 'branch',
        cases: recordsOf(data.cases).map((item) => ({
          id: item.id as string,
          label: labelOf(item),
          condition: item.condition,
        })),
      };
    case 'regionSplit':
      return {
        ...base,
        type: 'regionSplit',
        field: isNonEmptyString(data.field) ? data.field : 'province',
        regions: recordsOf(data.regions).map((region) => ({
          id: region.id as string,
          label: labelOf(region),
          values: regionValues(region.values),
        })),
      };
    case 'quota':
      return {
        ...base,
        type: 'quota',
        limit: data.limit as number,
        period: data.period as QuotaPeriod,
        per: isNonEmptyString(data.per) ? data.per : null,
      };
    case 'dedup':
      return {
        ...base,
        type: 'dedup',
        keys: Array.isArray(data.keys) ? [...new Set(data.keys as DedupKey[])] : [...DEDUP_KEYS],
        assignExistingOwner: data.assignExistingOwner !== false,
      };
    case 'roundRobin':
      return {
        ...base,
        type: 'roundRobin',
        assignees: recordsOf(data.assignees).map((assignee) => ({
          repId: assignee.repId as string,
          weight: typeof assignee.weight === 'number' ? assignee.weight : null,
        })),
      };
    case 'leastLoaded':
      return {
        ...base,
        type: 'leastLoaded',
        assignees: recordsOf(data.assignees).map((assignee) => ({
          repId: assignee.repId as string,
        })),
      };
    case 'assign':
      return { ...base, type: 'assign', repId: data.repId as string };
    case 'pool':
      return { ...base, type: 'pool', reason: isNonEmptyString(data.reason) ? data.reason : null };
    default:
      return { ...base, type: 'source' };
  }
}

function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function labelOf(item: Record<string, unknown>): string | null {
  return isNonEmptyString(item.label) ? item.label : null;
}

/** Returns a region's values trimmed, without blanks or repeats, in document order. */
function regionValues(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const kept = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    if (trimmed !== '') kept.add(trimmed);
  }
  return [...kept];
}
