/**
 * Graph helpers over the flow's nodes and edges, exported once and used by the
 * validator, the compiler and the editor's connection check. They take any
 * objects with the fields they need, so React Flow nodes and edges work as
 * they are. Edges whose source or target node does not exist are ignored.
 */

export interface GraphNode {
  id: string;
}

export interface GraphEdge {
  source: string;
  target: string;
}

type NodeRef = string | GraphNode;

/** Successor ids of each node, in edge order, over edges between existing nodes. */
export function buildAdjacency(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): Map<string, string[]> {
  const adjacency = new Map<string, string[]>();
  for (const node of nodes) adjacency.set(node.id, []);

  for (const edge of edges) {
    const successors = adjacency.get(edge.source);
    if (successors === undefined || !adjacency.has(edge.target)) continue;
    successors.push(edge.target);
  }

  return adjacency;
}

/**
 * Returns the nodes that `node` has an edge to, in node-list order.
 *
 * @example getOutgoers('n1', nodes, edges)
 */
export function getOutgoers<N extends GraphNode>(
  node: NodeRef,
  nodes: readonly N[],
  edges: readonly GraphEdge[],
): N[] {
  const id = refId(node);
  const targets = new Set(edges.filter((edge) => edge.source === id).map((edge) => edge.target));
  return nodes.filter((candidate) => targets.has(candidate.id));
}

/** Returns the nodes that have an edge to `node`, in node-list order. */
export function getIncomers<N extends GraphNode>(
  node: NodeRef,
  nodes: readonly N[],
  edges: readonly GraphEdge[],
): N[] {
  const id = refId(node);
  const sources = new Set(edges.filter((edge) => edge.target === id).map((edge) => edge.source));
  return nodes.filter((candidate) => sources.has(candidate.id));
}

/** Returns the edges that start or end at `node`. */
export function getConnectedEdges<E extends GraphEdge>(node: NodeRef, edges: readonly E[]): E[] {
  const id = refId(node);
  return edges.filter((edge) => edge.source === id || edge.target === id);
}

/**
 * Finds a cycle and returns its node ids as a closed path (`['a', 'b', 'a']`),
 * or null when the graph is acyclic. A self-loop is a cycle of one node.
 * Deterministic: the search follows node-list and edge order.
 */
export function findCycle(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): string[] | null {
  const adjacency = buildAdjacency(nodes, edges);
  const state = new Map<string, 'open' | 'done'>();

  for (const root of nodes) {
    if (state.has(root.id)) continue;

    // Iterative depth-first search: the stack is the current path, with the
    // index of the next successor to visit for each node on it.
    const path: string[] = [root.id];
    const nextIndex: number[] = [0];
    state.set(root.id, 'open');
    while (path.length > 0) {
      const top = path.length - 1;
      const current = path[top] as string;
      const successors = adjacency.get(current) ?? [];
      const index = nextIndex[top] as number;
      if (index >= successors.length) {
        state.set(current, 'done');
        path.pop();
        nextIndex.pop();
        continue;
      }

      nextIndex[top] = index + 1;
      const next = successors[index] as string;
      const seen = state.get(next);
      if (seen === 'open') return [...path.slice(path.indexOf(next)), next];
      if (seen === undefined) {
        state.set(next, 'open');
        path.push(next);
        nextIndex.push(0);
      }
    }
  }

  return null;
}

/** True when the graph has a cycle. */
export function hasCycle(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): boolean {
  return findCycle(nodes, edges) !== null;
}

/**
 * True when adding an edge from `connection.source` to `connection.target`
 * would close a cycle, that is when the target already reaches the source (or
 * they are the same node). For the editor's check while an edge is drawn.
 */
export function wouldCreateCycle(
  connection: { source: string; target: string },
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): boolean {
  if (connection.source === connection.target) return true;
  return getReachableNodeIds([connection.target], nodes, edges).has(connection.source);
}

/**
 * Returns the ids of the nodes reachable from `startIds` (the starts
 * included, when they exist), following edges forwards.
 */
export function getReachableNodeIds(
  startIds: Iterable<string>,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): Set<string> {
  const adjacency = buildAdjacency(nodes, edges);
  const reached = new Set<string>();
  const stack: string[] = [];
  for (const id of startIds) {
    if (adjacency.has(id) && !reached.has(id)) {
      reached.add(id);
      stack.push(id);
    }
  }

  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const next of adjacency.get(current) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      stack.push(next);
    }
  }

  return reached;
}

export type TopologicalOrderResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

/**
 * Orders node ids so that every edge goes from an earlier to a later node,
 * with Kahn's algorithm. Among nodes that are ready at the same time,
 * node-list order wins, so the result is deterministic. Returns a cycle
 * instead when there is one.
 */
export function topologicalOrder(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): TopologicalOrderResult {
  const adjacency = buildAdjacency(nodes, edges);
  const inDegree = new Map<string, number>();
  for (const node of nodes) inDegree.set(node.id, 0);
  for (const successors of adjacency.values()) {
    for (const next of successors) inDegree.set(next, (inDegree.get(next) ?? 0) + 1);
  }

  const order: string[] = [];
  const queue = [...adjacency.keys()].filter((id) => inDegree.get(id) === 0);
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head] as string;
    order.push(current);
    for (const next of adjacency.get(current) ?? []) {
      const remaining = (inDegree.get(next) ?? 0) - 1;
      inDegree.set(next, remaining);
      if (remaining === 0) queue.push(next);
    }
  }

  if (order.length < adjacency.size) {
    return { ok: false, cycle: findCycle(nodes, edges) ?? [] };
  }
  return { ok: true, order };
}

function refId(node: NodeRef): string {
  return typeof node === 'string' ? node : node.id;
}
