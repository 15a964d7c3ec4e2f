import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../src/compile/flow.compiler.js';
import type { ConditionOptions } from '../src/conditions/index.js';
import { parseFlow } from '../src/flow/flow.parse.js';
import { NODE_TYPES, type ExistingOwner, type Lead, type Rep } from '../src/flow/flow.types.js';
import { formatProblem } from '../src/messages/format-message.js';
import { createRunner } from '../src/run/runner.js';
import type { AllocationState } from '../src/state/state.schema.js';

/**
 * Golden cases: each file in fixtures/golden holds a flow document, the
 * team, the leads (some taken from the real data sets) and the expected
 * owner and reason of every lead, worked out by hand from the format's rules.
 */
interface GoldenCase {
  description: string;
  now: string;
  timeField?: string;
  conditionOptions?: ConditionOptions;
  reps: Rep[];
  existingOwners?: ExistingOwner[];
  state?: AllocationState;
  flow: unknown;
  leads: Lead[];
  expected: { leadId: string | number; ownerId: string | null; reason: string; nodeId: string }[];
}

const directory = new URL('./fixtures/golden/', import.meta.url);
const cases = readdirSync(directory)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map(
    (file) =>
      [file, JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as GoldenCase] as const,
  );

function runCase(golden: GoldenCase) {
  const loaded = parseFlow(golden.flow);
  if (!loaded.ok)
    throw new Error(loaded.problems.map((problem) => formatProblem(problem)).join('\n'));
  const compiled = compileFlow(loaded.flow, { reps: golden.reps });
  if (!compiled.ok)
    throw new Error(compiled.problems.map((problem) => formatProblem(problem)).join('\n'));

  const runner = createRunner(compiled.pipeline, { conditionOptions: golden.conditionOptions });
  return runner.run({
    leads: golden.leads,
    reps: golden.reps,
    existingOwners: golden.existingOwners,
    state: golden.state ?? null,
    now: golden.now,
    timeField: golden.timeField ?? null,
  });
}

describe('golden flows', () => {
  it('has at least a dozen cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it('covers every node type', () => {
    const used = new Set(
      cases.flatMap(([, golden]) =>
        (golden.flow as { nodes: { type: string }[] }).nodes.map((node) => node.type),
      ),
    );

    expect(NODE_TYPES.filter((type) => !used.has(type))).toEqual([]);
  });

  it.each(cases)('%s gives each lead its expected owner', (_, golden) => {
    const { results } = runCase(golden);

    expect(
      results.map(({ leadId, ownerId, reason, nodeId }) => ({ leadId, ownerId, reason, nodeId })),
    ).toEqual(golden.expected);
  });
});
