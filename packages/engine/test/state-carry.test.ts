import { describe, expect, it } from 'vitest';
import { createRunner } from '../src/run/runner.js';
import { COUNTER_RETENTION_DAYS } from '../src/state/period-retention.js';
import { applyStateDelta } from '../src/state/state-delta.js';
import { createEmptyState, type AllocationState } from '../src/state/state.schema.js';
import { buildFlow, compileOrThrow, reps } from './support/flow-builder.js';

const NOW = '2024-05-02T10:00:00+08:00';

const runner = createRunner(
  compileOrThrow(
    buildFlow(
      [
        ['src', 'source'],
        ['d', 'dedup', { keys: ['phone', 'company'] }],
        ['q', 'quota', { limit: 4, period: 'day', per: 'channel' }],
        [
          'rr',
          'roundRobin',
          { assignees: [{ repId: 'A', weight: 2 }, { repId: 'B' }, { repId: 'C' }] },
        ],
        ['ll', 'leastLoaded', { assignees: [{ repId: 'B' }, { repId: 'C' }] }],
        ['pool', 'pool'],
      ],
      [
        ['src', 'out', 'd'],
        ['d', 'unique', 'q'],
        ['d', 'duplicate', 'pool'],
        ['q', 'within', 'rr'],
        ['q', 'overflow', 'll'],
        ['rr', 'overflow', 'pool'],
        ['ll', 'overflow', 'pool'],
      ],
    ),
  ),
);
const team = reps({ id: 'A', capacity: { day: 3 } }, { id: 'B', capacity: { week: 6 } }, 'C');
const batch = Array.from({ length: 30 }, (_, index) => ({
  id: `L${index + 1}`,
  phone: `1390000${String(index % 17).padStart(4, '0')}`,
  company: index % 5 === 0 ? '示例科技有限公司' : `公司${index}`,
  channel: index % 2 === 0 ? 'web' : 'ad',
  at: `2024-05-0${1 + (index % 3)} 1${index % 10}:00`,
}));

describe('state carried between runs', () => {
  it.each([1, 7, 15, 29])(
    'gives the same results and state when split after %i leads',
    (splitAt) => {
      const whole = runner.run({ leads: batch, reps: team, now: NOW, timeField: 'at' });

      const first = runner.run({
        leads: batch.slice(0, splitAt),
        reps: team,
        now: NOW,
        timeField: 'at',
      });
      const second = runner.run({
        leads: batch.slice(splitAt),
        reps: team,
        now: NOW,
        timeField: 'at',
        state: JSON.parse(JSON.stringify(first.state)) as AllocationState,
      });

      const ownersWhole = whole.results.map((result) => [result.ownerId, result.route]);
      const ownersSplit = [...first.results, ...second.results].map((result) => [
        result.ownerId,
        result.route,
      ]);
      expect(ownersSplit).toEqual(ownersWhole);
      expect(JSON.stringify(second.state)).toBe(JSON.stringify(whole.state));
    },
  );

  it('rebuilds the new state from the input state and the delta', () => {
    const first = runner.run({ leads: batch.slice(0, 12), reps: team, now: NOW, timeField: 'at' });

    const second = runner.run({
      leads: batch.slice(12),
      reps: team,
      now: NOW,
      timeField: 'at',
      state: first.state,
    });

    expect(JSON.stringify(applyStateDelta(first.state, second.delta))).toBe(
      JSON.stringify(second.state),
    );
    expect(JSON.stringify(applyStateDelta(createEmptyState(), first.delta))).toBe(
      JSON.stringify(first.state),
    );
  });

  it('lists absolute counter values in the delta', () => {
    const first = runner.run({ leads: batch.slice(0, 2), reps: team, now: NOW });

    const second = runner.run({
      leads: batch.slice(2, 3),
      reps: team,
      now: NOW,
      state: first.state,
    });

    expect(second.delta.quota).toEqual([
      { nodeId: 'q', period: '2024-05-02', value: 'web', count: 2 },
    ]);
    expect(second.delta.assigned).toContainEqual({ repId: 'C', period: '2024-05-02', count: 1 });
    expect(second.delta.roundRobin).toContainEqual({ nodeId: 'rr', repId: 'C', weight: -1 });
  });

  it('keeps state entries of nodes and reps it does not know', () => {
    const state: AllocationState = {
      ...createEmptyState(),
      roundRobin: { old: { Z: 2 } },
      quota: { oldQuota: { total: { '': 9 } } },
      assigned: { Z: { '2024-05-02': 4 } },
    };

    const { state: next } = runner.run({ leads: [], reps: team, now: NOW, state });

    expect(next).toEqual(state);
  });

  it(`drops counters of periods that ended more than ${COUNTER_RETENTION_DAYS} days before now`, () => {
    const state: AllocationState = {
      ...createEmptyState(),
      quota: {
        q: { '2024-01-30': { web: 4 }, '2024-01-31': { web: 1 }, '2024-05-02': { web: 1 } },
      },
      assigned: {
        A: {
          '2024-01-30': 3,
          '2024-01-31': 2,
          '2024-W04': 5,
          '2024-W05': 5,
          '2023-12': 9,
          '2024-01': 9,
        },
        Z: { '2024-01-30': 1 },
      },
    };

    const { state: next, delta } = runner.run({ leads: [], reps: team, now: NOW, state });

    expect(next.quota).toEqual({ q: { '2024-01-31': { web: 1 }, '2024-05-02': { web: 1 } } });
    expect(next.assigned).toEqual({ A: { '2024-01-31': 2, '2024-W05': 5, '2024-01': 9 } });
    expect(delta.removed).toEqual({
      quota: [{ nodeId: 'q', period: '2024-01-30' }],
      assigned: [
        { repId: 'A', period: '2024-01-30' },
        { repId: 'A', period: '2024-W04' },
        { repId: 'A', period: '2023-12' },
        { repId: 'Z', period: '2024-01-30' },
      ],
    });
  });

  it('writes records sorted by key, without zero entries', () => {
    const state: AllocationState = {
      ...createEmptyState(),
      roundRobin: { rr: { C: 0, B: 1, A: -1 } },
      assigned: { B: { '2024-05-02': 0 } },
    };

    const { state: next } = runner.run({ leads: [], reps: team, now: NOW, state });

    expect(JSON.stringify(next.roundRobin)).toBe('{"rr":{"A":-1,"B":1}}');
    expect(next.assigned).toEqual({});
  });

  describe('runDelta', () => {
    const expiredState: AllocationState = {
      ...createEmptyState(),
      roundRobin: { rr: { A: 1, B: -1 }, old: { Z: 2 } },
      quota: { q: { '2024-01-30': { web: 4 }, '2024-05-02': { web: 1 } } },
      assigned: { A: { '2024-01-30': 3, '2024-05-02': 1 }, Z: { '2024-W04': 1 } },
      dedup: { 'phone:13900000001': 'A', 'company:示例科技': null },
    };

    it.each([
      ['an empty state', createEmptyState()],
      ['a state with expired counters', expiredState],
    ])('returns the full run’s delta and no state, from %s', (_name, state) => {
      const input = { leads: batch, reps: team, now: NOW, timeField: 'at', state };

      const full = runner.run(input);
      const deltaOnly = runner.runDelta(input);

      expect(deltaOnly).not.toHaveProperty('state');
      expect(deltaOnly.delta).toEqual(full.delta);
      expect(deltaOnly.results).toEqual(full.results);
      expect(JSON.stringify(applyStateDelta(state, deltaOnly.delta))).toBe(
        JSON.stringify(full.state),
      );
    });

    it('leaves the input state unchanged', () => {
      const state = structuredClone(expiredState);

      runner.runDelta({ leads: batch, reps: team, now: NOW, state });

      expect(state).toEqual(expiredState);
    });
  });
});
