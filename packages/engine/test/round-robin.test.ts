import { describe, expect, it } from 'vitest';
import { createRunner } from '../src/run/runner.js';
import { compileOrThrow, leads, reps, roundRobinFlow } from './support/flow-builder.js';

const NOW = '2024-05-02T10:00:00+08:00';

function owners(
  assignees: Parameters<typeof roundRobinFlow>[0],
  team = reps('A', 'B', 'C'),
  count = 7,
) {
  const runner = createRunner(compileOrThrow(roundRobinFlow(assignees)));
  return runner
    .run({ leads: leads(count), reps: team, now: NOW })
    .results.map((result) => result.ownerId);
}

describe('smooth weighted round robin', () => {
  it('hands leads out in list order with equal weights', () => {
    expect(owners(['A', 'B', 'C'])).toEqual(['A', 'B', 'C', 'A', 'B', 'C', 'A']);
  });

  it('spreads a heavier assignee through the cycle instead of in a block', () => {
    expect(owners([{ repId: 'A', weight: 5 }, 'B', 'C'])).toEqual([
      'A',
      'A',
      'B',
      'A',
      'C',
      'A',
      'A',
    ]);
  });

  it('uses the rep weight when the assignee has none', () => {
    const team = reps({ id: 'A', weight: 2 }, 'B');

    expect(owners(['A', 'B'], team, 6)).toEqual(['A', 'B', 'A', 'A', 'B', 'A']);
  });

  it('prefers the assignee weight over the rep weight', () => {
    const team = reps({ id: 'A', weight: 9 }, 'B');

    expect(owners([{ repId: 'A', weight: 1 }, 'B'], team, 4)).toEqual(['A', 'B', 'A', 'B']);
  });

  it('gives a weight-0 assignee leads only when no one else is eligible', () => {
    const team = reps('A', { id: 'B', capacity: { day: 2 } });

    expect(owners([{ repId: 'A', weight: 0 }, 'B'], team, 4)).toEqual(['B', 'B', 'A', 'A']);
  });

  it('ends a cycle with every current weight back at zero', () => {
    const runner = createRunner(
      compileOrThrow(roundRobinFlow([{ repId: 'A', weight: 3 }, 'B', 'C'])),
    );

    const { state } = runner.run({ leads: leads(5), reps: reps('A', 'B', 'C'), now: NOW });

    expect(state.roundRobin).toEqual({});
  });

  it('reports the current weights it leaves, for the next run', () => {
    const runner = createRunner(compileOrThrow(roundRobinFlow([{ repId: 'A', weight: 3 }, 'B'])));

    const { state, delta } = runner.run({ leads: leads(1), reps: reps('A', 'B'), now: NOW });

    expect(state.roundRobin).toEqual({ rr: { A: -1, B: 1 } });
    expect(delta.roundRobin).toEqual([
      { nodeId: 'rr', repId: 'A', weight: -1 },
      { nodeId: 'rr', repId: 'B', weight: 1 },
    ]);
  });

  it('skips an ineligible assignee without changing its current weight', () => {
    const runner = createRunner(compileOrThrow(roundRobinFlow(['A', 'B', 'C'])));
    const team = reps(
      'A',
      { id: 'B', unavailable: [{ from: '2024-05-02', to: '2024-05-02' }] },
      'C',
    );

    const { results, state } = runner.run({ leads: leads(3), reps: team, now: NOW });

    expect(results.map((result) => result.ownerId)).toEqual(['A', 'C', 'A']);
    expect(state.roundRobin.rr?.B).toBeUndefined();
  });
});
