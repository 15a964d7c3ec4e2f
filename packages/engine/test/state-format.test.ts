import { describe, expect, it } from 'vitest';
import { isPeriodExpired } from '../src/state/period-retention.js';
import { migrateState, STATE_MIGRATIONS } from '../src/state/state.migrate.js';
import { createEmptyState } from '../src/state/state.schema.js';
import { dayNumberOfDate } from '../src/time/zoned-calendar.js';

const saved = {
  format: 'sras.state',
  version: 1,
  roundRobin: { rr: { A: -1.5, B: 1.5 } },
  quota: { q: { '2024-05-02': { '': 3 }, total: { web: 1 } } },
  assigned: { A: { '2024-05-02': 2, '2024-W18': 2, '2024-05': 2 } },
  dedup: { 'phone:13800000000': 'A', 'email:x@y.cn': null },
  host: { revision: 7 },
};

describe('migrateState', () => {
  it('loads a saved state and keeps unknown fields', () => {
    expect(migrateState(JSON.stringify(saved))).toEqual({ ok: true, state: saved, migrations: [] });
  });

  it('fills absent sections with empty ones', () => {
    const loaded = migrateState({ format: 'sras.state', version: 1 });

    expect(loaded).toEqual({ ok: true, state: createEmptyState(), migrations: [] });
  });

  it('has no migration steps while version 1 is the only version', () => {
    expect(STATE_MIGRATIONS).toEqual([]);
  });

  it.each([
    ['not JSON', '{', ''],
    ['not an object', '[]', ''],
    ['another format', { format: 'sras.flow', version: 1 }, 'format'],
    ['a newer version', { format: 'sras.state', version: 2 }, 'version'],
    [
      'a negative counter',
      { format: 'sras.state', version: 1, assigned: { A: { '2024-05-02': -1 } } },
      'assigned.A.2024-05-02',
    ],
    [
      'a fractional counter',
      { format: 'sras.state', version: 1, quota: { q: { total: { '': 0.5 } } } },
      'quota.q.total.',
    ],
    [
      'an owner that is not text',
      { format: 'sras.state', version: 1, dedup: { 'phone:1': 5 } },
      'dedup.phone:1',
    ],
    [
      'a weight that is not a number',
      { format: 'sras.state', version: 1, roundRobin: { rr: { A: 'x' } } },
      'roundRobin.rr.A',
    ],
  ])('rejects %s and names the path', (_, input, path) => {
    const loaded = migrateState(input);

    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.issues[0]?.path).toBe(path);
  });
});

describe('isPeriodExpired', () => {
  const cutoff = dayNumberOfDate('2024-05-02');

  it.each([
    ['2024-05-01', true],
    ['2024-05-02', false],
    ['2024-W17', true],
    ['2024-W18', false],
    ['2024-04', true],
    ['2024-05', false],
    ['total', false],
    ['custom-key', false],
  ])('reads %s as expired: %s', (key, expired) => {
    expect(isPeriodExpired(key, cutoff)).toBe(expired);
  });
});
