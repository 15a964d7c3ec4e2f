import { describe, expect, it } from 'vitest';
import {
  dedupKeyOf,
  normaliseCompany,
  normaliseEmail,
  normalisePhone,
} from '../src/dedup/dedup-keys.js';
import { listDedupKeys } from '../src/dedup/list-dedup-keys.js';
import type { ExistingOwner, Lead } from '../src/flow/flow.types.js';
import { createRunner } from '../src/run/runner.js';
import { createEmptyState } from '../src/state/state.schema.js';
import { buildFlow, compileOrThrow, reps } from './support/flow-builder.js';

const NOW = '2024-05-02T10:00:00+08:00';

describe('normalisePhone', () => {
  it.each([
    ['138 0000 0000', '13800000000'],
    ['138-0000-0000', '13800000000'],
    ['+86 138 0000 0000', '13800000000'],
    ['0086 13800000000', '13800000000'],
    ['8613800000000', '13800000000'],
    ['１３８００００００００', '13800000000'],
    ['0571-88886666', '057188886666'],
    ['86-571-8888666', '865718888666'],
    [13800000000, '13800000000'],
    ['', ''],
    ['无', ''],
    [null, ''],
  ])('normalises %j to %j', (value, expected) => {
    expect(normalisePhone(value)).toBe(expected);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Zhang.Wei@Example.COM ')).toBe('zhang.wei@example.com');
  });
});

describe('normaliseCompany', () => {
  it.each([
    ['杭州示例科技有限公司', '杭州示例科技'],
    ['杭州示例科技股份有限公司', '杭州示例科技'],
    ['杭州示例科技有限责任公司', '杭州示例科技'],
    ['示例科技（杭州）有限公司', '示例科技'],
    ['示例科技(杭州)有限公司', '示例科技'],
    ['示例集团有限公司', '示例'],
    ['示例集团（杭州）有限公司', '示例'],
    ['  示例科技 ', '示例科技'],
    ['ＡＣＭＥ　Ltd', 'acme ltd'],
    ['有限公司', ''],
  ])('normalises %j to %j', (value, expected) => {
    expect(normaliseCompany(value)).toBe(expected);
  });
});

describe('dedupKeyOf', () => {
  it('prefixes the key type so that types never match each other', () => {
    expect(dedupKeyOf('phone', '13800000000')).toBe('phone:13800000000');
    expect(dedupKeyOf('company', '13800000000')).toBe('company:13800000000');
  });

  it('returns null for a value that is empty after normalising', () => {
    expect(dedupKeyOf('email', '   ')).toBeNull();
  });
});

function dedupRunner(data: Record<string, unknown> = {}) {
  const flow = buildFlow(
    [
      ['src', 'source'],
      ['d', 'dedup', { keys: ['phone', 'email', 'company'], ...data }],
      ['rr', 'roundRobin', { assignees: [{ repId: 'A' }, { repId: 'B' }, { repId: 'C' }] }],
      ['dup', 'pool', { reason: '撞单' }],
      ['none', 'pool', { reason: '无人可分配' }],
    ],
    [
      ['src', 'out', 'd'],
      ['d', 'unique', 'rr'],
      ['d', 'duplicate', 'dup'],
      ['rr', 'overflow', 'none'],
    ],
  );
  return createRunner(compileOrThrow(flow));
}

const team = reps('A', 'B', 'C');

describe('dedup node', () => {
  it('assigns a repeat of an earlier lead of the run to that lead owner', () => {
    const { results, summary } = dedupRunner().run({
      leads: [
        { id: '1', phone: '13800000000' },
        { id: '2', phone: '13900000000' },
        { id: '3', phone: '+86 138-0000-0000' },
      ],
      reps: team,
      now: NOW,
    });

    expect(results.map((result) => [result.ownerId, result.reason, result.nodeId])).toEqual([
      ['A', 'assigned', 'rr'],
      ['B', 'assigned', 'rr'],
      ['A', 'existing-owner', 'd'],
    ]);
    expect(summary.duplicates).toEqual({ found: 1, keptWithExistingOwner: 1 });
  });

  it('matches on any key, each after its own normalising', () => {
    const { results } = dedupRunner().run({
      leads: [
        { email: 'Wang@Example.com', company: '示例科技（杭州）有限公司' },
        { email: 'wang@example.com ' },
        { company: '示例科技股份有限公司' },
      ],
      reps: team,
      now: NOW,
    });

    expect(results.map((result) => result.ownerId)).toEqual(['A', 'A', 'A']);
  });

  it('ignores empty keys', () => {
    const { results } = dedupRunner().run({
      leads: [{ phone: '', email: ' ' }, { phone: '', email: ' ' }, {}],
      reps: team,
      now: NOW,
    });

    expect(results.map((result) => result.route[1])).toEqual(['d:unique', 'd:unique', 'd:unique']);
  });

  it('finds keys of earlier runs in the saved state', () => {
    const runner = dedupRunner();
    const first = runner.run({ leads: [{ phone: '13800000000' }], reps: team, now: NOW });

    const second = runner.run({
      leads: [{ phone: '138 0000 0000' }],
      reps: team,
      state: first.state,
      now: NOW,
    });

    expect(first.state.dedup).toEqual({ 'phone:13800000000': 'A' });
    expect(second.results[0]).toMatchObject({ ownerId: 'A', reason: 'existing-owner' });
  });

  it('finds keys in the existing-owners list', () => {
    const owners: ExistingOwner[] = [
      { phone: '13800000000', owner_id: 'C' },
      { company: '示例集团', owner_id: 'B' },
    ];

    const { results } = dedupRunner().run({
      leads: [{ phone: '0086 138 0000 0000' }, { company: '示例集团有限公司' }],
      reps: team,
      existingOwners: owners,
      now: NOW,
    });

    expect(results.map((result) => [result.ownerId, result.reason])).toEqual([
      ['C', 'existing-owner'],
      ['B', 'existing-owner'],
    ]);
  });

  it('assigns the existing owner whatever their capacity or leave', () => {
    const busy = reps(
      { id: 'A', capacity: { day: 0 }, unavailable: [{ from: '2024-05-01', to: '2024-05-09' }] },
      'B',
      'C',
    );

    const { results, state } = dedupRunner().run({
      leads: [{ phone: '13800000000' }],
      reps: busy,
      existingOwners: [{ phone: '13800000000', owner_id: 'A' }],
      now: NOW,
    });

    expect(results[0]).toMatchObject({ ownerId: 'A', reason: 'existing-owner' });
    expect(state.assigned.A?.['2024-05-02']).toBe(1);
  });

  it('sends a duplicate of an inactive owner to duplicate', () => {
    const { results } = dedupRunner().run({
      leads: [{ phone: '13800000000' }],
      reps: reps('A', 'B', { id: 'C', active: false }),
      existingOwners: [{ phone: '13800000000', owner_id: 'C' }],
      now: NOW,
    });

    expect(results[0]).toMatchObject({
      ownerId: null,
      route: ['src:out', 'd:duplicate'],
      poolReason: '撞单',
    });
  });

  it('sends a duplicate of an owner outside the team to duplicate', () => {
    const { results } = dedupRunner().run({
      leads: [{ phone: '13800000000' }],
      reps: team,
      existingOwners: [{ phone: '13800000000', owner_id: 'gone' }],
      now: NOW,
    });

    expect(results[0]?.route).toEqual(['src:out', 'd:duplicate']);
  });

  it('sends every duplicate to duplicate when assigning the owner is off', () => {
    const { results } = dedupRunner({ assignExistingOwner: false }).run({
      leads: [{ phone: '13800000000' }, { phone: '13800000000' }],
      reps: team,
      now: NOW,
    });

    expect(results.map((result) => [result.ownerId, result.route[1]])).toEqual([
      ['A', 'd:unique'],
      [null, 'd:duplicate'],
    ]);
  });

  it('lets the first key in keys order decide between two owners', () => {
    const owners: ExistingOwner[] = [
      { phone: '13800000000', owner_id: 'B' },
      { email: 'li@example.com', owner_id: 'C' },
    ];
    const lead: Lead = { phone: '13800000000', email: 'li@example.com' };

    const phoneFirst = dedupRunner({ keys: ['phone', 'email'] }).run({
      leads: [lead],
      reps: team,
      existingOwners: owners,
      now: NOW,
    });
    const emailFirst = dedupRunner({ keys: ['email', 'phone'] }).run({
      leads: [lead],
      reps: team,
      existingOwners: owners,
      now: NOW,
    });

    expect(phoneFirst.results[0]?.ownerId).toBe('B');
    expect(emailFirst.results[0]?.ownerId).toBe('C');
  });

  it('skips a matched key without an owner when a later key has one', () => {
    const state = {
      ...createEmptyState(),
      dedup: { 'phone:13800000000': null, 'email:li@example.com': 'B' },
    };

    const { results } = dedupRunner().run({
      leads: [{ phone: '13800000000', email: 'li@example.com' }],
      reps: team,
      state,
      now: NOW,
    });

    expect(results[0]).toMatchObject({ ownerId: 'B', reason: 'existing-owner' });
  });

  it('sends a duplicate whose matches have no owner to duplicate', () => {
    const { results } = dedupRunner().run({
      leads: [{ phone: '13800000000' }, { phone: '13800000000' }],
      reps: reps({ id: 'A', active: false }),
      now: NOW,
    });

    expect(results.map((result) => result.route[1])).toEqual(['d:unique', 'd:duplicate']);
  });

  it('records new keys with the final owner and fills in a missing owner', () => {
    const state = { ...createEmptyState(), dedup: { 'phone:13800000000': null } };

    const { state: next, delta } = dedupRunner({
      assignExistingOwner: false,
      keys: ['phone', 'email'],
    }).run({
      leads: [{ phone: '13800000000', email: 'new@example.com' }],
      reps: team,
      state,
      now: NOW,
    });

    expect(next.dedup).toEqual({ 'phone:13800000000': null, 'email:new@example.com': null });
    expect(delta.dedup).toEqual([{ key: 'email:new@example.com', ownerId: null }]);
  });
});

describe('listDedupKeys', () => {
  it('lists the normalised keys that the dedup nodes look up, without repeats', () => {
    const pipeline = dedupRunner({ keys: ['phone', 'company'] }).pipeline;

    const keys = listDedupKeys(pipeline, [
      { phone: '+86 138 0000 0000', email: 'x@y.cn', company: '示例科技有限公司' },
      { phone: '13800000000' },
      { company: '' },
    ]);

    expect(keys).toEqual(['phone:13800000000', 'company:示例科技']);
  });

  it('returns nothing for a pipeline without dedup nodes', () => {
    const pipeline = createRunner(
      compileOrThrow(
        buildFlow(
          [
            ['src', 'source'],
            ['p', 'pool'],
          ],
          [['src', 'out', 'p']],
        ),
      ),
    ).pipeline;

    expect(listDedupKeys(pipeline, [{ phone: '13800000000' }])).toEqual([]);
  });

  it('gives the same results with only the listed keys as with the whole key set', () => {
    const runner = dedupRunner();
    const history = runner.run({
      leads: Array.from({ length: 50 }, (_, index) => ({
        phone: `1380000${String(index).padStart(4, '0')}`,
      })),
      reps: team,
      now: NOW,
    });
    const batch = [{ phone: '13800000007' }, { phone: '13999999999' }, { email: 'a@b.cn' }];

    const wanted = new Set(listDedupKeys(runner.pipeline, batch));
    const partial = {
      ...history.state,
      dedup: Object.fromEntries(
        Object.entries(history.state.dedup).filter(([key]) => wanted.has(key)),
      ),
    };
    const full = runner.run({ leads: batch, reps: team, state: history.state, now: NOW });
    const fromPartial = runner.run({ leads: batch, reps: team, state: partial, now: NOW });

    expect(fromPartial.results).toEqual(full.results);
    expect(fromPartial.delta).toEqual(full.delta);
    expect(Object.keys(partial.dedup)).toEqual(['phone:13800000007']);
  });
});
