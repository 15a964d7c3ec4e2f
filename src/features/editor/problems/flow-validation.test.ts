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

  it('warns when a rule orders phone numbers as numbers', () => {
    const filtered = makeFlow(
      [
        makeNode('source1', 'source'),
        makeNode('filter1', 'filter', { condition: { '>=': [{ var: 'phone' }, 13_000_000_000] } }),
        makeNode('pool1', 'pool'),
      ],
      [
        makeEdge('e1', 'source1', 'filter1', 'out'),
        makeEdge('e2', 'filter1', 'pool1', 'match'),
        makeEdge('e3', 'filter1', 'pool1', 'else'),
      ],
    );

    const problems = validateFlowDocument(filtered, []).filter(
      (problem) => problem.code === 'condition-text-column-ordered',
    );

    expect(problems).toMatchObject([
      { nodeId: 'filter1', severity: 'warning', params: { field: 'phone' } },
    ]);
  });
});
