import { describe, expect, it } from 'vitest';
import type { Rep } from '@sras/engine';
import { makeEdge, makeFlow, makeNode } from '../test/flow-fixtures';
import { validateFlowDocument } from './flow-validation';

const flow = makeFlow(
  [
    makeNode('source1', 'source'),
    makeNode('robin1', 'roundRobin', {
      assignees: [{ repId: 'rep-a' }, { repId: 'rep-b' }, { repId: 'rep-c' }],
    }),
    makeNode('assign1', 'assign', { repId: 'rep-a' }),
  ],
  [makeEdge('e1', 'source1', 'robin1', 'out'), makeEdge('e2', 'robin1', 'assign1', 'overflow')],
);

const unknownReps = (reps: readonly Rep[]) =>
  validateFlowDocument(flow, reps).filter((problem) => problem.code === 'rep-unknown');

describe('validateFlowDocument', () => {
  it('reports the reps a flow names when the team is empty, once per node', () => {
    const problems = unknownReps([]);

    expect(problems.map((problem) => [problem.nodeId, problem.params.repId])).toEqual([
      ['robin1', 'rep-a, rep-b, rep-c'],
      ['assign1', 'rep-a'],
    ]);
    expect(problems.every((problem) => problem.severity === 'error')).toBe(true);
  });

  it('reports each rep that is missing from a stored team', () => {
    const team: Rep[] = [{ id: 'rep-a', name: 'A', active: true } as Rep];

    const problems = unknownReps(team);

    expect(problems.map((problem) => [problem.nodeId, problem.params.repId])).toEqual([
      ['robin1', 'rep-b'],
      ['robin1', 'rep-c'],
    ]);
  });
});
