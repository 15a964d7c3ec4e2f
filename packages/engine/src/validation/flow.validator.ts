import type { ConditionOptions } from '../conditions/index.js';
import type { FlowDocument, FlowEdge, FlowNode, Rep } from '../flow/flow.types.js';
import { getOutputHandles, isNodeType, resolveSourceHandle } from '../flow/node-handles.js';
import { findCycle, getReachableNodeIds } from '../graph/graph.js';
import { isValidTimeZone } from '../time/zoned-calendar.js';
import { findFieldsNotInDataset } from './dataset-fields.js';
import { validateNodeData } from './node-data.validator.js';
import { createProblem, CYCLE_PATH_SEPARATOR, type FlowProblem } from './problem.types.js';

export interface ValidateFlowOptions {
  /** The sales team; when given, rep ids in the flow are checked against it. */
  reps?: readonly Rep[];
  /** Field types and empty values of the dataset the conditions read. */
  conditionOptions?: ConditionOptions;
  /**
   * Field names (column keys) of the dataset the flow will run on. When
   * given, a node that reads a field outside this list gets a
   * `field-not-in-dataset` warning.
   */
  datasetFields?: readonly string[];
}

/** An edge that the compiler follows, with its resolved source handle. */
export interface UsableEdge {
  edge: FlowEdge;
  handle: string;
}

/** Findings of the validator about a flow, shared with the compiler. */
export interface FlowInspection {
  problems: FlowProblem[];
  /** Nodes with a known type, first of each id, in document order. */
  nodes: FlowNode[];
  /** Edges between usable nodes from an existing, unshared handle. */
  edges: UsableEdge[];
  /** The one source node, or null when there is none or several. */
  sourceId: string | null;
  /** Ids of the nodes that a lead can reach from the source. */
  reachable: Set<string>;
}

/**
 * Validates a loaded flow and returns every problem as data: errors block
 * compiling, warnings are shown but let the flow run. Covers the document
 * (time zone, ids), the graph (one source, edges, cycles, reachability,
 * unconnected outputs) and each node's data, conditions included.
 */
export function validateFlow(flow: FlowDocument, options: ValidateFlowOptions = {}): FlowProblem[] {
  return inspectFlow(flow, options).problems;
}

/** Validates a flow and also returns the usable graph, for the compiler. */
export function inspectFlow(flow: FlowDocument, options: ValidateFlowOptions = {}): FlowInspection {
  const problems: FlowProblem[] = [];
  if (!isValidTimeZone(flow.timezone)) {
    problems.push(
      createProblem('timezone-invalid', { field: 'timezone' }, { timezone: String(flow.timezone) }),
    );
  }

  const nodes = collectNodes(flow, problems);
  const sourceId = findSource(nodes, problems);

  const reps =
    options.reps === undefined ? null : new Map(options.reps.map((rep) => [rep.id, rep]));
  for (const node of nodes) {
    problems.push(...validateNodeData(node, { reps, conditionOptions: options.conditionOptions }));
  }
  if (options.datasetFields !== undefined) {
    problems.push(...findFieldsNotInDataset(nodes, options.datasetFields));
  }

  const edges = collectEdges(flow, nodes, problems);
  const cycle = findCycle(
    nodes,
    edges.map(({ edge }) => edge),
  );
  if (cycle !== null) {
    problems.push(
      createProblem('cycle', { nodeId: cycle[0] }, { path: cycle.join(CYCLE_PATH_SEPARATOR) }),
    );
  }

  const reachable =
    sourceId === null
      ? new Set<string>()
      : getReachableNodeIds(
          [sourceId],
          nodes,
          edges.map(({ edge }) => edge),
        );
  if (sourceId !== null) reportUnreachable(nodes, reachable, problems);
  reportUnconnectedHandles(nodes, edges, reachable, problems);

  return { problems, nodes, edges, sourceId, reachable };
}

/** Keeps the first node of each id with a known type; reports the others. */
function collectNodes(flow: FlowDocument, problems: FlowProblem[]): FlowNode[] {
  const seen = new Set<string>();
  const nodes: FlowNode[] = [];
  flow.nodes.forEach((node, index) => {
    if (seen.has(node.id)) {
      problems.push(
        createProblem('node-id-duplicate', { nodeId: node.id, field: `nodes[${index}].id` }),
      );
      return;
    }
    seen.add(node.id);
    if (!isNodeType(node.type)) {
      problems.push(
        createProblem('node-type-unknown', { nodeId: node.id, field: 'type' }, { type: node.type }),
      );
      return;
    }
    nodes.push(node);
  });
  return nodes;
}

function findSource(nodes: readonly FlowNode[], problems: FlowProblem[]): string | null {
  const sources = nodes.filter((node) => node.type === 'source');
  if (sources.length === 0) {
    problems.push(createProblem('source-missing'));
    return null;
  }
  if (sources.length > 1) {
    for (const extra of sources.slice(1)) {
      problems.push(
        createProblem('source-multiple', { nodeId: extra.id }, { count: sources.length }),
      );
    }
    return null;
  }
  return sources[0]?.id ?? null;
}

/**
 * Resolves each edge's handle and keeps the edges the compiler can follow.
 * Edges to missing nodes or from unknown handles can carry no lead, so they
 * are dropped with a warning. Edges into the source and a second edge from
 * one handle are errors.
 */
function collectEdges(
  flow: FlowDocument,
  nodes: readonly FlowNode[],
  problems: FlowProblem[],
): UsableEdge[] {
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const allNodeIds = new Set(flow.nodes.map((node) => node.id));
  const handlesOf = new Map(nodes.map((node) => [node.id, getOutputHandles(node)]));
  const seenEdgeIds = new Set<string>();
  const edgeOfHandle = new Map<string, string>();
  const usable: UsableEdge[] = [];

  flow.edges.forEach((edge, index) => {
    const at = { edgeId: edge.id };
    if (seenEdgeIds.has(edge.id)) {
      problems.push(createProblem('edge-id-duplicate', { ...at, field: `edges[${index}].id` }));
    }
    seenEdgeIds.add(edge.id);

    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    if (!allNodeIds.has(edge.source)) {
      problems.push(createProblem('edge-source-missing', at, { source: edge.source }));
      return;
    }
    if (!allNodeIds.has(edge.target)) {
      problems.push(createProblem('edge-target-missing', at, { target: edge.target }));
      return;
    }
    // An end of unknown type is already an error on the node.
    if (source === undefined || target === undefined) return;
    if (target.type === 'source') {
      problems.push(
        createProblem('edge-into-source', { ...at, nodeId: target.id }, { target: target.id }),
      );
      return;
    }

    const handles = handlesOf.get(source.id) ?? [];
    const handle = resolveSourceHandle(edge, handles);
    if (handle === null) {
      problems.push(
        createProblem(
          'edge-handle-missing',
          { ...at, nodeId: source.id },
          { source: source.id, handles: handles.join(', ') },
        ),
      );
      return;
    }
    if (!handles.includes(handle)) {
      problems.push(
        createProblem(
          'edge-handle-unknown',
          { ...at, nodeId: source.id },
          { source: source.id, handle },
        ),
      );
      return;
    }

    const handleKey = `${source.id}\u0000${handle}`;
    const other = edgeOfHandle.get(handleKey);
    if (other !== undefined) {
      problems.push(
        createProblem(
          'edge-handle-taken',
          { ...at, nodeId: source.id },
          { source: source.id, handle, otherEdgeId: other },
        ),
      );
      return;
    }
    edgeOfHandle.set(handleKey, edge.id);
    usable.push({ edge, handle });
  });

  return usable;
}

function reportUnreachable(
  nodes: readonly FlowNode[],
  reachable: ReadonlySet<string>,
  problems: FlowProblem[],
): void {
  for (const node of nodes) {
    if (!reachable.has(node.id))
      problems.push(createProblem('node-unreachable', { nodeId: node.id }));
  }
}

function reportUnconnectedHandles(
  nodes: readonly FlowNode[],
  edges: readonly UsableEdge[],
  reachable: ReadonlySet<string>,
  problems: FlowProblem[],
): void {
  const connected = new Set(edges.map(({ edge, handle }) => `${edge.source}\u0000${handle}`));
  for (const node of nodes) {
    if (!reachable.has(node.id)) continue;
    for (const handle of getOutputHandles(node)) {
      if (!connected.has(`${node.id}\u0000${handle}`)) {
        problems.push(createProblem('handle-unconnected', { nodeId: node.id }, { handle }));
      }
    }
  }
}
