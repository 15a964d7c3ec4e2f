import { describe, expect, it } from 'vitest';
import type { Rep } from '../src/flow/flow.types.js';
import { createRunner } from '../src/run/runner.js';
import type { AllocationState } from '../src/state/state.schema.js';
import { compileOrThrow, leads, reps, roundRobinFlow } from './support/flow-builder.js';

const NOW = '2024-05-02T10:00:00+08:00';

function roundRobinRunner(assignees: readonly string[]) {
  return createRunner(compileOrThrow(roundRobinFlow(assignees)));
}

/** Runs leads one call at a time, carrying the state, and returns the owners. */
function runOneByOne(
  runner: ReturnType<typeof roundRobinRunner>,
  count: number,
  team: readonly Rep[],
  initial: AllocationState | null = null,
) {
  let state = initial;
  const owners: (string | null)[] = [];
  for (let index = 0; index < count; index += 1) {
    const run = runner.run({ leads: [{ id: `L${index + 1}` }], reps: team, state, now: NOW });
    owners.push(run.results[0]?.ownerId ?? null);
    state = run.state;
  }
  return { owners, state };
}

describe('round robin with inactive reps', () => {
  const runner = roundRobinRunner(['A', 'B', 'C']);

  it('never gives a lead to an inactive rep', () => {
    const { results, summary } = runner.run({
      leads: leads(6),
      reps: reps('A', 'B', { id: 'C', active: false }),
      now: NOW,
    });

    expect(results.map((result) => result.ownerId)).toEqual(['A', 'B', 'A', 'B', 'A', 'B']);
    expect(summary.byRep).toEqual({ A: 3, B: 3, C: 0 });
  });

  it('lets a reactivated rep join at its place without resetting the others', () => {
    const first = runner.run({
      leads: leads(5),
      reps: reps('A', 'B', { id: 'C', active: false }),
      now: NOW,
    });

    const second = runner.run({
      leads: leads(6),
      reps: reps('A', 'B', 'C'),
      state: first.state,
      now: NOW,
    });

    expect(first.results.map((result) => result.ownerId)).toEqual(['A', 'B', 'A', 'B', 'A']);
    expect(second.results.map((result) => result.ownerId)).toEqual(['B', 'C', 'A', 'B', 'C', 'A']);
  });

  it('keeps the current weight of a rep while inactive', () => {
    const active = runner.run({ leads: leads(1), reps: reps('A', 'B', 'C'), now: NOW });

    const paused = runner.run({
      leads: leads(4),
      reps: reps('A', 'B', { id: 'C', active: false }),
      state: active.state,
      now: NOW,
    });

    expect(active.state.roundRobin.rr).toEqual({ A: -2, B: 1, C: 1 });
    expect(paused.state.roundRobin.rr?.C).toBe(1);
  });

  it('never gives a lead to a rep missing from the team', () => {
    const { results } = runner.run({ leads: leads(4), reps: reps('A', 'C'), now: NOW });

    expect(results.map((result) => result.ownerId)).toEqual(['A', 'C', 'A', 'C']);
  });
});

describe('round robin across runs with carried state', () => {
  const runner = roundRobinRunner(['A', 'B', 'C', 'D']);
  const team = reps('A', 'B', 'C', 'D');

  it('continues after the last rep served: C was last, so the next two go to D and A', () => {
    const afterC = runner.run({ leads: leads(3), reps: team, now: NOW }).state;

    const { owners } = runOneByOne(runner, 2, team, afterC);

    expect(owners).toEqual(['D', 'A']);
  });

  it('never gives the same rep two consecutive single-lead runs', () => {
    const { owners } = runOneByOne(runner, 100, team);

    const repeats = owners.filter((owner, index) => index > 0 && owner === owners[index - 1]);
    expect(repeats).toEqual([]);
    expect(owners.slice(0, 8)).toEqual(['A', 'B', 'C', 'D', 'A', 'B', 'C', 'D']);
  });
});

describe('round robin in a batch', () => {
  const runner = roundRobinRunner(['A', 'B', 'C']);
  const team = reps('A', 'B', 'C');

  it('rotates through a batch instead of giving it all to one rep', () => {
    const batch = runner.run({ leads: leads(3), reps: team, now: NOW });
    const next = runner.run({ leads: leads(1), reps: team, state: batch.state, now: NOW });

    expect(batch.results.map((result) => result.ownerId)).toEqual(['A', 'B', 'C']);
    expect(next.results[0]?.ownerId).toBe('A');
  });

  it('gives the same owners and state one by one as in one batch', () => {
    const batch = runner.run({ leads: leads(7), reps: team, now: NOW });

    const single = runOneByOne(runner, 7, team);

    expect(single.owners).toEqual(batch.results.map((result) => result.ownerId));
    expect(JSON.stringify(single.state)).toBe(JSON.stringify(batch.state));
  });
});

describe('daily capacity in the flow time zone', () => {
  const runner = roundRobinRunner(['A']);
  const team = reps({ id: 'A', capacity: { day: 2 } });

  it('starts a new day at local midnight, not at UTC midnight', () => {
    const evening = runner.run({
      leads: [
        { id: 'late-1', at: '2024-05-01T22:00:00+08:00' },
        { id: 'late-2', at: '2024-05-01T23:30:00+08:00' },
      ],
      reps: team,
      now: '2024-05-01T23:30:00+08:00',
      timeField: 'at',
    });

    const morning = runner.run({
      leads: [{ id: 'early' }],
      reps: team,
      state: evening.state,
      now: '2024-05-01T23:30:00Z',
    });

    expect(evening.results.map((result) => result.ownerId)).toEqual(['A', 'A']);
    expect(morning.results[0]?.ownerId).toBe('A');
    expect(morning.state.assigned.A).toMatchObject({ '2024-05-01': 2, '2024-05-02': 1 });
  });

  it('keeps the cap until local midnight', () => {
    const { results } = runner.run({
      leads: [
        { at: '2024-05-01 22:00' },
        { at: '2024-05-01 23:30' },
        { at: '2024-05-01 23:59:59' },
        { at: '2024-05-02 00:00:00' },
      ],
      reps: team,
      now: NOW,
      timeField: 'at',
    });

    expect(results.map((result) => result.ownerId)).toEqual(['A', 'A', null, 'A']);
  });
});

describe('capacity blank, zero and at the limit', () => {
  it('treats blank as unlimited, 0 as paused, and a cap as eligible while below it', () => {
    const runner = roundRobinRunner(['A', 'B', 'C']);
    const team = reps(
      { id: 'A', capacity: { day: 3 } },
      { id: 'B', capacity: { day: null } },
      { id: 'C', capacity: { day: 0 } },
    );

    const { results, summary } = runner.run({ leads: leads(8), reps: team, now: NOW });

    expect(results.map((result) => result.ownerId)).toEqual([
      'A',
      'B',
      'A',
      'B',
      'A',
      'B',
      'B',
      'B',
    ]);
    expect(summary.byRep).toEqual({ A: 3, B: 5, C: 0 });
    expect(summary.unassigned).toBe(0);
  });

  it('treats a missing capacity object as unlimited', () => {
    const runner = roundRobinRunner(['B']);

    const { summary } = runner.run({ leads: leads(50), reps: reps('B'), now: NOW });

    expect(summary.byRep).toEqual({ B: 50 });
  });
});
