import { z } from 'zod';
import { FIXED_OUTPUT_HANDLES } from '../flow/node-handles.js';
import { EngineInputError } from '../run/engine-input.error.js';
import { formatFieldPath } from '../validation/field-path.js';
import type { Pipeline } from './pipeline.types.js';

/**
 * Structural schema of a compiled pipeline, for pipelines that come back
 * from storage or another process. It checks shapes and that every handle
 * points forwards to an existing node; the flow rules were checked when the
 * pipeline was compiled.
 */
const label = z.string().nullable();
const base = {
  id: z.string().min(1),
  label,
  handles: z.array(z.string()),
  targets: z.array(z.number().int().nonnegative().nullable()),
  edges: z.array(z.string().nullable()),
};

const pipelineNodeSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('source') }),
  z.object({ ...base, type: z.literal('filter'), condition: z.unknown() }),
  z.object({
    ...base,
    type: z.literal('score'),
    field: z.string().min(1),
    base: z.number(),
    rules: z.array(z.object({ label, condition: z.unknown(), points: z.number() })),
  }),
  z.object({
    ...base,
    type: z.literal('branch'),
    cases: z.array(z.object({ id: z.string().min(1), label, condition: z.unknown() })),
  }),
  z.object({
    ...base,
    type: z.literal('regionSplit'),
    field: z.string().min(1),
    regions: z.array(z.object({ id: z.string().min(1), label, values: z.array(z.string()) })),
  }),
  z.object({
    ...base,
    type: z.literal('quota'),
    limit: z.number().int().nonnegative(),
    period: z.enum(['day', 'week', 'month', 'total']),
    per: z.string().min(1).nullable(),
  }),
  z.object({
    ...base,
    type: z.literal('dedup'),
    keys: z.array(z.enum(['phone', 'email', 'company'])),
    assignExistingOwner: z.boolean(),
  }),
  z.object({
    ...base,
    type: z.literal('roundRobin'),
    assignees: z.array(
      z.object({ repId: z.string().min(1), weight: z.number().nonnegative().nullable() }),
    ),
  }),
  z.object({
    ...base,
    type: z.literal('leastLoaded'),
    assignees: z.array(z.object({ repId: z.string().min(1) })),
  }),
  z.object({ ...base, type: z.literal('assign'), repId: z.string().min(1) }),
  z.object({ ...base, type: z.literal('pool'), reason: z.string().nullable() }),
]);

export const pipelineSchema = z.object({
  format: z.literal('sras.pipeline'),
  version: z.literal(1),
  flowId: z.string(),
  flowName: z.string(),
  timezone: z.string().min(1),
  nodes: z.array(pipelineNodeSchema).min(1),
});

/**
 * Checks a pipeline's structure and its links: the first node is the
 * source, each node lists one target and one edge per handle, and every
 * target is a later node. Throws an EngineInputError naming each bad path.
 */
export function parsePipeline(input: unknown): Pipeline {
  const parsed = pipelineSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: formatFieldPath(issue.path),
      message: issue.message,
    }));
    throw new EngineInputError(
      `Invalid pipeline: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
      issues,
    );
  }

  const pipeline = parsed.data as Pipeline;
  const issues: { path: string; message: string }[] = [];
  if (pipeline.nodes[0]?.type !== 'source')
    issues.push({ path: 'nodes[0].type', message: 'expected the source first' });
  pipeline.nodes.forEach((node, index) => {
    if (node.targets.length !== node.handles.length || node.edges.length !== node.handles.length) {
      issues.push({
        path: `nodes[${index}]`,
        message: 'expected one target and one edge per handle',
      });
    }
    const expectedHandles =
      node.type === 'branch'
        ? node.cases.length + 1
        : node.type === 'regionSplit'
          ? node.regions.length + 1
          : FIXED_OUTPUT_HANDLES[node.type].length;
    if (node.handles.length !== expectedHandles) {
      issues.push({
        path: `nodes[${index}].handles`,
        message: `expected ${expectedHandles} handles`,
      });
    }
    node.targets.forEach((target, handle) => {
      if (target !== null && (target <= index || target >= pipeline.nodes.length)) {
        issues.push({
          path: `nodes[${index}].targets[${handle}]`,
          message: 'expected the index of a later node',
        });
      }
    });
  });
  if (issues.length > 0) {
    throw new EngineInputError(
      `Invalid pipeline: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
      issues,
    );
  }
  return pipeline;
}
