import { describe, expect, it } from 'vitest';
import type { Lead } from '../src/flow/flow.types.js';
import { formatInputIssue } from '../src/messages/format-message.js';
import { EngineInputError } from '../src/run/engine-input.error.js';
import { leadResultAt, leadResultsOf } from '../src/run/lead-columns.js';
import { createRunner } from '../src/run/runner.js';
import { REASON_CODES, type RunInput, type TraceStep } from '../src/run/run.types.js';
import { buildFlow, compileOrThrow, leads, reps, roundRobinFlow } from './support/flow-builder.js';

const NOW = '2024-05-02T10:00:00+08:00';

/** Every node type on one route: filter → score → branch → region → quota → dedup → round robin. */
const fullFlow = buildFlow(
  [
    ['src', 'source'],
    ['f', 'filter', { condition: { '>': [{ var: 'visits' }, 2] } }],
    [
      's',
      'score',
      {
        base: 10,
        rules: [
          { label: '官网', condition: { '==': [{ var: 'source' }, 'web'] }, points: 20 },
          { label: '广告', condition: { '==': [{ var: 'source' }, 'ad'] }, points: 5 },
        ],
      },
    ],
    ['b', 'branch', { cases: [{ id: 'vip', label: 'VIP', condition: { var: 'vip' } }] }],
    ['rs', 'regionSplit', { regions: [{ id: 'south', label: '华南', values: ['广东'] }] }],
    ['q', 'quota', { limit: 5, period: 'day' }],
    ['d', 'dedup', { keys: ['phone'] }],
    [
      'rr',
      'roundRobin',
      {
        assignees: [{ repId: 'A' }, { repId: 'B' }, { repId: 'C' }, { repId: 'D' }, { repId: 'X' }],
      },
    ],
    ['ll', 'leastLoaded', { assignees: [{ repId: 'A' }, { repId: 'B' }] }],
    ['pool', 'pool', { reason: '其他' }],
  ],
  [
    ['src', 'out', 'f'],
    ['f', 'match', 's'],
    ['f', 'else', 'pool'],
    ['s', 'out', 'b'],
    ['b', 'vip', 'll'],
    ['b', 'else', 'rs'],
    ['rs', 'south', 'q'],
    ['rs', 'else', 'pool'],
    ['q', 'within', 'd'],
    ['q', 'overflow', 'pool'],
    ['d', 'unique', 'rr'],
    ['d', 'duplicate', 'pool'],
    ['rr', 'overflow', 'pool'],
  ],
);
const runner = createRunner(compileOrThrow(fullFlow));
const team = reps(
  'A',
  { id: 'B', active: false },
  { id: 'C', unavailable: [{ from: '2024-05-01', to: '2024-05-03' }] },
  { id: 'D', capacity: { day: 0 } },
);

describe('allocation time', () => {
  const single = createRunner(compileOrThrow(roundRobinFlow(['A'])));

  it('uses the lead time field when it reads as a time', () => {
    const { results } = single.run({
      leads: [{ at: '2024-06-01 09:00' }],
      reps: team,
      now: NOW,
      timeField: 'at',
      trace: true,
    });

    expect(results[0]?.trace).toMatchObject({
      time: '2024-06-01T01:00:00.000Z',
      timeSource: 'field',
      day: '2024-06-01',
    });
  });

  it.each([[{}], [{ at: '' }], [{ at: 'tomorrow' }], [{ at: 20240601 }]])(
    'falls back to now when the time field is missing or unreadable: %j',
    (lead: Lead) => {
      const { results } = single.run({
        leads: [lead],
        reps: team,
        now: NOW,
        timeField: 'at',
        trace: true,
      });

      expect(results[0]?.trace).toMatchObject({
        time: '2024-05-02T02:00:00.000Z',
        timeSource: 'fallback',
      });
    },
  );

  it('accepts now as epoch milliseconds, a Date or text', () => {
    const epoch = Date.parse(NOW);

    const times = [epoch, new Date(epoch), NOW, '2024-05-02 10:00'].map(
      (now) =>
        single.run({ leads: leads(1), reps: team, now, trace: true }).results[0]?.trace?.time,
    );

    expect(new Set(times)).toEqual(new Set(['2024-05-02T02:00:00.000Z']));
  });
});

describe('trace', () => {
  it('is left out unless asked for', () => {
    const { results } = runner.run({ leads: [{ visits: 5 }], reps: team, now: NOW });

    expect(results[0]).not.toHaveProperty('trace');
  });

  it('explains every step of a lead through every node', () => {
    const { results } = runner.run({
      leads: [{ visits: '5', source: 'web', province: '深圳市', phone: '13800000000' }],
      reps: team,
      now: NOW,
      trace: true,
    });

    expect(results[0]?.trace?.steps).toEqual<TraceStep[]>([
      { type: 'source', nodeId: 'src', handle: 'out' },
      { type: 'filter', nodeId: 'f', handle: 'match', matched: true },
      {
        type: 'score',
        nodeId: 's',
        handle: 'out',
        field: 'score',
        base: 10,
        score: 30,
        rules: [
          { index: 0, label: '官网', points: 20, matched: true },
          { index: 1, label: '广告', points: 5, matched: false },
        ],
      },
      { type: 'branch', nodeId: 'b', handle: 'else', caseId: null, caseLabel: null },
      {
        type: 'regionSplit',
        nodeId: 'rs',
        handle: 'south',
        field: 'province',
        value: '深圳市',
        province: '广东',
        regionId: 'south',
        regionLabel: '华南',
      },
      {
        type: 'quota',
        nodeId: 'q',
        handle: 'within',
        period: '2024-05-02',
        perValue: null,
        used: 0,
        limit: 5,
      },
      {
        type: 'dedup',
        nodeId: 'd',
        handle: 'unique',
        keys: ['phone:13800000000'],
        matches: [],
        ownerId: null,
        ownerActive: false,
      },
      {
        type: 'roundRobin',
        nodeId: 'rr',
        handle: null,
        repId: 'A',
        candidates: [
          { repId: 'A', status: 'chosen', weight: 1, currentWeight: 0 },
          { repId: 'B', status: 'inactive', weight: 1, currentWeight: 0 },
          { repId: 'C', status: 'unavailable', weight: 1, currentWeight: 0 },
          {
            repId: 'D',
            status: 'at-capacity',
            period: 'day',
            limit: 0,
            weight: 1,
            currentWeight: 0,
          },
          { repId: 'X', status: 'unknown', weight: 1, currentWeight: 0 },
        ],
      },
    ]);
  });

  it('names the case taken and the load of each least-loaded candidate', () => {
    const { results } = runner.run({
      leads: [{ visits: 5, vip: true }],
      reps: reps({ id: 'A', openLeads: 4 }, { id: 'B', openLeads: 2 }),
      now: NOW,
      trace: true,
    });

    expect(results[0]?.trace?.steps.slice(3)).toEqual([
      { type: 'branch', nodeId: 'b', handle: 'vip', caseId: 'vip', caseLabel: 'VIP' },
      {
        type: 'leastLoaded',
        nodeId: 'll',
        handle: null,
        repId: 'B',
        candidates: [
          { repId: 'A', status: 'eligible', load: 4 },
          { repId: 'B', status: 'chosen', load: 2 },
        ],
      },
    ]);
  });

  it('names where a duplicate key was found and its owner', () => {
    const { results } = runner.run({
      leads: [
        { visits: 5, province: '广东', phone: '13800000000' },
        { visits: 5, province: '广东', phone: '13800000000' },
      ],
      reps: team,
      now: NOW,
      trace: true,
    });

    expect(results[1]?.trace?.steps.find((step) => step.type === 'dedup')).toEqual({
      type: 'dedup',
      nodeId: 'd',
      handle: null,
      keys: ['phone:13800000000'],
      matches: [{ key: 'phone:13800000000', source: 'run', ownerId: 'A' }],
      ownerId: 'A',
      ownerActive: true,
    });
  });

  it('ends with the pool step and its reason', () => {
    const { results } = runner.run({ leads: [{ visits: 0 }], reps: team, now: NOW, trace: true });

    expect(results[0]?.trace?.steps.at(-1)).toEqual({
      type: 'pool',
      nodeId: 'pool',
      handle: null,
      reason: '其他',
    });
  });

  it('gives the same results with and without the trace', () => {
    const batch = Array.from({ length: 40 }, (_, index) => ({
      visits: index % 7,
      source: index % 3 === 0 ? 'web' : 'ad',
      province: index % 2 === 0 ? '广东' : '浙江',
      phone: `1380000000${index % 9}`,
      vip: index % 11 === 0,
    }));

    const plain = runner.run({ leads: batch, reps: team, now: NOW });
    const traced = runner.run({ leads: batch, reps: team, now: NOW, trace: true });

    expect(traced.results.map(({ trace: _trace, ...result }) => result)).toEqual(plain.results);
    expect(traced.state).toEqual(plain.state);
  });
});

describe('summary', () => {
  it('counts leads by rep, node, edge and reason, listing unused ones as 0', () => {
    const { summary } = runner.run({
      leads: [
        { visits: 5, province: '广东', phone: '1' },
        { visits: 5, province: '广东', phone: '1' },
        { visits: 1 },
        { visits: 5, province: '浙江' },
      ],
      reps: team,
      now: NOW,
    });

    expect(summary).toEqual({
      total: 4,
      assigned: 2,
      unassigned: 2,
      byRep: { A: 2, B: 0, C: 0, D: 0 },
      byNode: { src: 4, f: 4, pool: 2, s: 3, b: 3, ll: 0, rs: 3, q: 2, d: 2, rr: 1 },
      byEdge: {
        'src-out': 4,
        'f-match': 3,
        'f-else': 1,
        's-out': 3,
        'b-vip': 0,
        'b-else': 3,
        'rs-south': 2,
        'rs-else': 1,
        'q-within': 2,
        'q-overflow': 0,
        'd-unique': 1,
        'd-duplicate': 0,
        'rr-overflow': 0,
      },
      byReason: { assigned: 1, 'existing-owner': 1, pool: 2, 'no-route': 0 },
      unassignedByReason: { pool: 2, 'no-route': 0 },
      duplicates: { found: 1, keptWithExistingOwner: 1 },
    });
  });
});

describe('determinism', () => {
  it('gives byte-identical output for identical input', () => {
    const input = {
      leads: Array.from({ length: 200 }, (_, index) => ({
        visits: index % 5,
        province: '广东',
        phone: String(index % 37),
      })),
      reps: team,
      now: NOW,
      trace: true,
    };

    expect(JSON.stringify(runner.run(input))).toBe(
      JSON.stringify(runner.run(structuredClone(input))),
    );
  });

  it('leaves its input unchanged', () => {
    const input = { leads: [{ visits: 5, province: '广东', phone: '1' }], reps: team, now: NOW };
    const copy = structuredClone(input);

    runner.run(input);

    expect(input).toEqual(copy);
  });
});

describe('run input checks', () => {
  function inputError(run: () => unknown): EngineInputError {
    try {
      run();
    } catch (error) {
      if (error instanceof EngineInputError) return error;
      throw error;
    }
    throw new Error('expected an EngineInputError');
  }

  it('rejects an invalid rep and names the field', () => {
    const error = inputError(() =>
      runner.run({ leads: [], reps: [{ id: 'A', name: 'A', capacity: { day: -1 } }], now: NOW }),
    );

    expect(error.issues.map((issue) => issue.path)).toEqual(['reps[0].capacity.day']);
  });

  it('rejects a rep id used twice', () => {
    const error = inputError(() => runner.run({ leads: [], reps: reps('A', 'A'), now: NOW }));

    expect(error.issues).toEqual([
      {
        path: 'reps[1].id',
        message: 'rep id "A" is used twice',
        params: { issue: 'duplicate-rep-id', id: 'A' },
      },
    ]);
  });

  it('words an input issue in both languages', () => {
    const error = inputError(() =>
      runner.run({ leads: [], reps: [{ id: 'A', name: 'A', capacity: { day: -1 } }], now: NOW }),
    );
    const [issue] = error.issues;

    expect(formatInputIssue(issue!, 'en', 'Field "capacity.day" of rep 1')).toBe(
      'Field "capacity.day" of rep 1 must be 0 or more, but is the number -1.',
    );
    expect(formatInputIssue(issue!, 'zh-CN', '第 1 名销售的字段"capacity.day"')).toBe(
      '第 1 名销售的字段"capacity.day"应大于或等于 0，但实际是数字 -1。',
    );
  });

  it('words a state of a newer version', () => {
    const error = inputError(() =>
      runner.run({
        leads: [],
        reps: reps('A'),
        // A state file written by a newer sras, read from disk without its type.
        state: JSON.parse('{"format": "sras.state", "version": 9}') as RunInput['state'],
        now: NOW,
      }),
    );

    expect(error.issues[0]?.path).toBe('state.version');
    expect(formatInputIssue(error.issues[0]!, 'zh-CN', '状态')).toBe(
      '状态的版本是 9，比当前 sras 能读取的版本（1）新。请升级 sras。',
    );
  });

  it('leaves an issue without params to its English message', () => {
    expect(formatInputIssue({}, 'zh-CN', '状态')).toBeNull();
  });

  it.each([['yesterday'], [Number.NaN], [new Date(Number.NaN)], [undefined]])(
    'rejects now = %j',
    (now) => {
      const error = inputError(() => runner.run({ leads: [], reps: team, now: now as never }));

      expect(error.issues.map((issue) => issue.path)).toEqual(['now']);
    },
  );

  it('rejects a state that fails its schema', () => {
    const error = inputError(() =>
      runner.run({
        leads: [],
        reps: team,
        now: NOW,
        state: { format: 'sras.state', version: 1, dedup: [] } as never,
      }),
    );

    expect(error.issues[0]?.path).toBe('state.dedup');
  });

  it('rejects an existing-owner row without an owner', () => {
    const error = inputError(() =>
      runner.run({ leads: [], reps: team, now: NOW, existingOwners: [{ phone: '1' } as never] }),
    );

    expect(error.issues[0]?.path).toBe('existingOwners[0].owner_id');
  });

  it('checks team, owners and state when untrusted', () => {
    const error = inputError(() =>
      runner.run({
        leads: [],
        reps: [{ id: 'A', name: 'A', capacity: { day: -1 } }],
        existingOwners: [{ phone: '1' } as never],
        state: { format: 'sras.state', version: 1, dedup: [] } as never,
        now: NOW,
        trusted: false,
      }),
    );

    expect(error.issues.map((issue) => issue.path)).toEqual([
      'reps[0].capacity.day',
      'existingOwners[0].owner_id',
      'state.dedup',
    ]);
  });

  it('gives the same results when trusted', () => {
    const state = runner.run({
      leads: [{ visits: 5, province: '广东', phone: '1' }],
      reps: team,
      now: NOW,
    }).state;
    const input = {
      leads: Array.from({ length: 50 }, (_, index) => ({
        visits: index % 5,
        province: '广东',
        phone: String(index % 7),
      })),
      reps: team,
      existingOwners: [{ phone: '3', owner_id: 'B' }],
      state,
      now: NOW,
    };
    const copy = structuredClone(input);

    const trusted = runner.run({ ...input, trusted: true });

    expect(JSON.stringify(trusted)).toBe(JSON.stringify(runner.run(input)));
    expect(input).toEqual(copy);
  });

  it('skips the rep schema when trusted', () => {
    const badRep = { id: 'A', name: 'A', capacity: { day: -1 } };

    expect(() => runner.run({ leads: [], reps: [badRep], now: NOW, trusted: true })).not.toThrow();
  });

  it('checks rep ids, now and time field when trusted', () => {
    const error = inputError(() =>
      runner.run({
        leads: [],
        reps: reps('A', 'A'),
        now: 'yesterday',
        timeField: ' ',
        trusted: true,
      }),
    );

    expect(error.issues.map((issue) => issue.path)).toEqual(['reps[1].id', 'now', 'timeField']);
  });

  it('reads a lead that is not a record as an empty one', () => {
    const { results } = runner.run({ leads: [null as never, 'x' as never], reps: team, now: NOW });

    expect(results.map((result) => [result.leadId, result.reason])).toEqual([
      [1, 'pool'],
      [2, 'pool'],
    ]);
  });
});

describe('runColumns', () => {
  const batch = Array.from({ length: 30 }, (_, index) => ({
    id: index % 4 === 0 ? undefined : `L${index}`,
    visits: index % 6,
    source: index % 2 === 0 ? 'web' : 'ad',
    province: index % 3 === 0 ? '广东' : '北京',
    phone: `1380000000${index % 7}`,
  }));

  it('holds the same per-lead results as run', () => {
    const { columns, summary, state } = runner.runColumns({
      leads: batch,
      reps: team,
      now: NOW,
      trace: true,
    });
    const plain = runner.run({ leads: batch, reps: team, now: NOW, trace: true });

    expect(leadResultsOf(columns)).toEqual(plain.results);
    expect(summary).toEqual(plain.summary);
    expect(state).toEqual(plain.state);
  });

  it('builds one result at a time', () => {
    const { columns } = runner.runColumns({ leads: batch, reps: team, now: NOW });

    expect(leadResultAt(columns, 4)).toEqual(
      runner.run({ leads: batch, reps: team, now: NOW }).results[4],
    );
    expect(columns.leadIdAt(0)).toBe(1);
    expect(columns.leadIdAt(1)).toBe('L1');
  });

  it('shares one frozen route array and fields record between leads with equal values', () => {
    const { results } = runner.run({ leads: batch, reps: team, now: NOW });
    const [first, second] = results.filter(
      (result) => result.route.join() === results[0]?.route.join(),
    );

    expect(second?.route).toBe(first?.route);
    expect(Object.isFrozen(first?.route)).toBe(true);
    const scored = results.filter((result) => result.fields.score === 30);
    expect(scored.length).toBeGreaterThan(1);
    expect(scored[1]?.fields).toBe(scored[0]?.fields);
    expect(Object.isFrozen(scored[0]?.fields)).toBe(true);
  });

  it('stores owners, nodes, routes and reasons as small integers', () => {
    const { columns } = runner.runColumns({ leads: batch, reps: team, now: NOW });

    expect(columns.owners).toBeInstanceOf(Int32Array);
    expect(columns.count).toBe(30);
    expect([...columns.owners].every((owner) => owner >= -1 && owner < columns.repIds.length)).toBe(
      true,
    );
    expect([...columns.reasons].every((reason) => reason < REASON_CODES.length)).toBe(true);
  });
});
