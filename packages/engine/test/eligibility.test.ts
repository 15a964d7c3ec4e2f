import { describe, expect, it } from 'vitest';
import { createRunner } from '../src/run/runner.js';
import { createEmptyState } from '../src/state/state.schema.js';
import { compileOrThrow, leads, reps, roundRobinFlow } from './support/flow-builder.js';

const runner = createRunner(compileOrThrow(roundRobinFlow(['A', 'B'])));

describe('rep eligibility', () => {
  it('skips reps on leave, inclusive of both dates in the flow time zone', () => {
    const team = reps({ id: 'A', unavailable: [{ from: '2024-05-01', to: '2024-05-03' }] }, 'B');
    const times = [
      '2024-04-30T23:59:00+08:00',
      '2024-04-30T16:30:00Z', // 00:30 on 1 May in Shanghai
      '2024-05-03T23:59:00+08:00',
      '2024-05-04T00:00:00+08:00',
    ];

    const owners = times.map(
      (now) => runner.run({ leads: leads(1), reps: team, now }).results[0]?.ownerId,
    );

    expect(owners).toEqual(['A', 'B', 'B', 'A']);
  });

  it('applies each of several leave periods', () => {
    const team = reps(
      {
        id: 'A',
        unavailable: [
          { from: '2024-05-01', to: '2024-05-01' },
          { from: '2024-05-10', to: '2024-05-12' },
        ],
      },
      'B',
    );

    const owners = ['2024-05-01', '2024-05-05', '2024-05-11'].map(
      (day) => runner.run({ leads: leads(1), reps: team, now: `${day} 12:00` }).results[0]?.ownerId,
    );

    expect(owners).toEqual(['B', 'A', 'B']);
  });

  it.each([
    ['week', '2024-05-05 12:00', '2024-05-06 12:00'],
    ['month', '2024-05-31 12:00', '2024-06-01 12:00'],
  ])('limits leads per %s and resets in the next one', (period, lastDay, nextDay) => {
    const team = reps({ id: 'A', capacity: { [period]: 2 } });
    const single = createRunner(compileOrThrow(roundRobinFlow(['A'])));

    const { results } = single.run({
      leads: [{ at: lastDay }, { at: lastDay }, { at: lastDay }, { at: nextDay }],
      reps: team,
      now: lastDay,
      timeField: 'at',
    });

    expect(results.map((result) => result.ownerId)).toEqual(['A', 'A', null, 'A']);
  });

  it('applies the smallest of several limits', () => {
    const team = reps({ id: 'A', capacity: { day: 5, week: 3, month: 10 } });
    const single = createRunner(compileOrThrow(roundRobinFlow(['A'])));

    const { summary } = single.run({ leads: leads(6), reps: team, now: '2024-05-02 12:00' });

    expect(summary.byRep).toEqual({ A: 3 });
  });

  it('counts leads from the saved state against the capacity', () => {
    const state = {
      ...createEmptyState(),
      assigned: { A: { '2024-05-02': 2, '2024-W18': 2, '2024-05': 2 } },
    };
    const team = reps({ id: 'A', capacity: { day: 3 } }, 'B');

    const { results } = runner.run({ leads: leads(3), reps: team, state, now: '2024-05-02 12:00' });

    expect(results.map((result) => result.ownerId)).toEqual(['A', 'B', 'B']);
  });

  it('counts leads assigned by every node of the run against the capacity', () => {
    const flow = compileOrThrow({
      ...roundRobinFlow(['A']),
      nodes: [
        { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
        { id: 'f', type: 'filter', position: { x: 0, y: 0 }, data: { condition: { var: 'vip' } } },
        { id: 'direct', type: 'assign', position: { x: 0, y: 0 }, data: { repId: 'A' } },
        {
          id: 'rr',
          type: 'roundRobin',
          position: { x: 0, y: 0 },
          data: { assignees: [{ repId: 'A' }] },
        },
        { id: 'pool', type: 'pool', position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [
        { id: 'e1', source: 'src', target: 'f' },
        { id: 'e2', source: 'f', sourceHandle: 'match', target: 'direct' },
        { id: 'e3', source: 'f', sourceHandle: 'else', target: 'rr' },
        { id: 'e4', source: 'direct', target: 'pool' },
        { id: 'e5', source: 'rr', target: 'pool' },
      ],
    });

    const { results } = createRunner(flow).run({
      leads: [{ vip: true }, { vip: false }, { vip: false }],
      reps: reps({ id: 'A', capacity: { day: 2 } }),
      now: '2024-05-02 12:00',
    });

    expect(results.map((result) => [result.nodeId, result.ownerId])).toEqual([
      ['direct', 'A'],
      ['rr', 'A'],
      ['pool', null],
    ]);
  });
});
