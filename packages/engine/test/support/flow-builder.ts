import { compileFlow } from '../../src/compile/flow.compiler.js';
import type { Pipeline } from '../../src/compile/pipeline.types.js';
import type { FlowDocument, Rep } from '../../src/flow/flow.types.js';
import { formatProblem } from '../../src/messages/format-message.js';

/** A node as `[id, type, data]`. */
export type NodeSpec = [string, string, Record<string, unknown>?];
/** An edge as `[source, handle, target]`. */
export type EdgeSpec = [string, string, string];

/**
 * Builds a flow document from compact node and edge lists; edge ids are
 * `source-handle`.
 */
export function buildFlow(
  nodes: readonly NodeSpec[],
  edges: readonly EdgeSpec[],
  extra: Partial<FlowDocument> = {},
): FlowDocument {
  return {
    format: 'sras.flow',
    version: 1,
    id: 'test-flow',
    name: 'Test flow',
    timezone: 'Asia/Shanghai',
    nodes: nodes.map(([id, type, data], index) => ({
      id,
      type,
      position: { x: index * 200, y: 0 },
      data: data ?? {},
    })),
    edges: edges.map(([source, sourceHandle, target]) => ({
      id: `${source}-${sourceHandle}`,
      source,
      sourceHandle,
      target,
    })),
    ...extra,
  };
}

/** Compiles a flow and throws with the worded problems when it does not compile. */
export function compileOrThrow(flow: FlowDocument, reps?: readonly Rep[]): Pipeline {
  const compiled = compileFlow(flow, reps === undefined ? {} : { reps });
  if (!compiled.ok) {
    throw new Error(
      compiled.problems.map((problem) => `${problem.code}: ${formatProblem(problem)}`).join('\n'),
    );
  }
  return compiled.pipeline;
}

/** Reps `A`, `B`, … with the given extra fields. */
export function reps(...specs: (string | (Partial<Rep> & { id: string }))[]): Rep[] {
  return specs.map((spec) =>
    typeof spec === 'string' ? { id: spec, name: spec } : { name: spec.id, ...spec },
  );
}

/** `count` leads with ids L1, L2, …, each with the given fields. */
export function leads(
  count: number,
  fields: Record<string, string | number | boolean | null> = {},
) {
  return Array.from({ length: count }, (_, index) => ({ id: `L${index + 1}`, ...fields }));
}

/** A source feeding a round robin over the given reps, overflow to a pool. */
export function roundRobinFlow(
  assignees: readonly (string | { repId: string; weight?: number })[],
): FlowDocument {
  return buildFlow(
    [
      ['src', 'source'],
      [
        'rr',
        'roundRobin',
        { assignees: assignees.map((a) => (typeof a === 'string' ? { repId: a } : a)) },
      ],
      ['pool', 'pool', { reason: 'no rep available' }],
    ],
    [
      ['src', 'out', 'rr'],
      ['rr', 'overflow', 'pool'],
    ],
  );
}
