import { describe, expect, it } from 'vitest';
import { buildFlow, leads, reps } from './support/flow-builder.js';
import { runFlow } from './support/run-flow.js';

const team = reps('A', 'B', 'C');

describe('source', () => {
  it('sends every lead to its one output', () => {
    const flow = buildFlow(
      [
        ['src', 'source'],
        ['pool', 'pool'],
      ],
      [['src', 'out', 'pool']],
    );

    const { results } = runFlow(flow, { leads: leads(2), reps: team });

    expect(results.map((result) => result.route)).toEqual([['src:out'], ['src:out']]);
  });
});

describe('filter', () => {
  const flow = buildFlow(
    [
      ['src', 'source'],
      ['f', 'filter', { condition: { '>=': [{ var: 'visits' }, 5] } }],
      ['yes', 'assign', { repId: 'A' }],
      ['no', 'pool', { reason: '访问太少' }],
    ],
    [
      ['src', 'out', 'f'],
      ['f', 'match', 'yes'],
      ['f', 'else', 'no'],
    ],
  );

  it('sends a lead whose condition is truthy to match', () => {
    const { results } = runFlow(flow, { leads: [{ visits: 7 }], reps: team });

    expect(results[0]).toMatchObject({
      ownerId: 'A',
      nodeId: 'yes',
      route: ['src:out', 'f:match'],
    });
  });

  it('sends any other lead to else', () => {
    const { results } = runFlow(flow, { leads: [{ visits: 2 }, {}], reps: team });

    expect(results.map((result) => result.route)).toEqual([
      ['src:out', 'f:else'],
      ['src:out', 'f:else'],
    ]);
  });

  it('reads numeric text as its number', () => {
    const { results } = runFlow(flow, { leads: [{ visits: '10' }], reps: team });

    expect(results[0]?.ownerId).toBe('A');
  });
});

describe('score', () => {
  const rules = [
    { label: '官网', condition: { '==': [{ var: 'source' }, 'web'] }, points: 30 },
    { label: '大客户', condition: { '>': [{ var: 'employees' }, 500] }, points: 25.5 },
    { label: '无电话', condition: { '!': [{ var: 'phone' }] }, points: -10 },
  ];

  function scoreFlow(data: Record<string, unknown>) {
    return buildFlow(
      [
        ['src', 'source'],
        ['s', 'score', data],
        ['b', 'branch', { cases: [{ id: 'hot', condition: { '>=': [{ var: 'grade' }, 50] } }] }],
        ['hot', 'assign', { repId: 'A' }],
        ['cold', 'pool'],
      ],
      [
        ['src', 'out', 's'],
        ['s', 'out', 'b'],
        ['b', 'hot', 'hot'],
        ['b', 'else', 'cold'],
      ],
    );
  }

  it('writes the base plus the points of every truthy rule', () => {
    const { results } = runFlow(scoreFlow({ field: 'grade', base: 5, rules }), {
      leads: [
        { source: 'web', employees: 900, phone: '138' },
        { source: 'ad', employees: 10 },
      ],
      reps: team,
    });

    expect(results.map((result) => result.fields)).toEqual([{ grade: 60.5 }, { grade: -5 }]);
  });

  it('lets later nodes read the written field', () => {
    const { results } = runFlow(scoreFlow({ field: 'grade', base: 5, rules }), {
      leads: [{ source: 'web', employees: 900, phone: '138' }, { source: 'web' }],
      reps: team,
    });

    expect(results.map((result) => result.ownerId)).toEqual(['A', null]);
  });

  it('writes to the field score with a base of 0 by default', () => {
    const { results } = runFlow(scoreFlow({ rules }), {
      leads: [{ source: 'web', phone: '1' }],
      reps: team,
    });

    expect(results[0]?.fields).toEqual({ score: 30 });
  });

  it('leaves the input lead unchanged', () => {
    const lead = { source: 'web', grade: 'old' };

    runFlow(scoreFlow({ field: 'grade', rules }), { leads: [lead], reps: team });

    expect(lead).toEqual({ source: 'web', grade: 'old' });
  });
});

describe('branch', () => {
  const flow = buildFlow(
    [
      ['src', 'source'],
      [
        'b',
        'branch',
        {
          cases: [
            { id: 'vip', condition: { '>': [{ var: 'budget' }, 100000] } },
            { id: 'big', condition: { '>': [{ var: 'budget' }, 10000] } },
          ],
        },
      ],
      ['vip', 'assign', { repId: 'A' }],
      ['big', 'assign', { repId: 'B' }],
      ['other', 'assign', { repId: 'C' }],
    ],
    [
      ['src', 'out', 'b'],
      ['b', 'vip', 'vip'],
      ['b', 'big', 'big'],
      ['b', 'else', 'other'],
    ],
  );

  it('takes the first truthy case, in order', () => {
    const { results } = runFlow(flow, {
      leads: [{ budget: 500000 }, { budget: 50000 }, { budget: 5 }, {}],
      reps: team,
    });

    expect(results.map((result) => result.route[1])).toEqual([
      'b:vip',
      'b:big',
      'b:else',
      'b:else',
    ]);
  });
});

describe('regionSplit', () => {
  const flow = buildFlow(
    [
      ['src', 'source'],
      [
        'rs',
        'regionSplit',
        {
          regions: [
            { id: 'east', label: '华东', values: ['上海', '浙江', '江苏'] },
            { id: 'south', label: '华南', values: ['广东', '海南'] },
          ],
        },
      ],
      ['east', 'assign', { repId: 'A' }],
      ['south', 'assign', { repId: 'B' }],
      ['other', 'pool', { reason: '区域外' }],
    ],
    [
      ['src', 'out', 'rs'],
      ['rs', 'east', 'east'],
      ['rs', 'south', 'south'],
      ['rs', 'else', 'other'],
    ],
  );

  it.each([
    ['广东', 'rs:south'],
    ['广东省', 'rs:south'],
    [' 浙江省 ', 'rs:east'],
    ['上海市', 'rs:east'],
    ['深圳', 'rs:south'],
    ['Guangdong', 'rs:south'],
    ['北京', 'rs:else'],
    ['', 'rs:else'],
    ['东', 'rs:else'],
  ])('routes the province %j by its normalised name', (province, step) => {
    const { results } = runFlow(flow, { leads: [{ province }], reps: team });

    expect(results[0]?.route[1]).toBe(step);
  });

  it('sends a lead without the field to else', () => {
    const { results } = runFlow(flow, { leads: [{}], reps: team });

    expect(results[0]).toMatchObject({
      route: ['src:out', 'rs:else'],
      reason: 'pool',
      poolReason: '区域外',
    });
  });

  it('reads the field the node names', () => {
    const cityFlow = buildFlow(
      [
        ['src', 'source'],
        [
          'rs',
          'regionSplit',
          { field: 'city', regions: [{ id: 'mumbai', values: ['Mumbai', 'Thane & Outskirts'] }] },
        ],
        ['m', 'assign', { repId: 'A' }],
        ['other', 'pool'],
      ],
      [
        ['src', 'out', 'rs'],
        ['rs', 'mumbai', 'm'],
        ['rs', 'else', 'other'],
      ],
    );

    const { results } = runFlow(cityFlow, {
      leads: [{ city: 'mumbai' }, { city: 'THANE & OUTSKIRTS' }, { city: 'Select' }],
      reps: team,
    });

    expect(results.map((result) => result.ownerId)).toEqual(['A', 'A', null]);
  });
});

describe('quota', () => {
  function quotaFlow(data: Record<string, unknown>) {
    return buildFlow(
      [
        ['src', 'source'],
        ['q', 'quota', data],
        ['in', 'assign', { repId: 'A' }],
        ['over', 'pool', { reason: '超出配额' }],
      ],
      [
        ['src', 'out', 'q'],
        ['q', 'within', 'in'],
        ['q', 'overflow', 'over'],
      ],
    );
  }

  it('passes at most the limit per period to within', () => {
    const { results } = runFlow(quotaFlow({ limit: 2, period: 'day' }), {
      leads: leads(4),
      reps: team,
    });

    expect(results.map((result) => result.route[1])).toEqual([
      'q:within',
      'q:within',
      'q:overflow',
      'q:overflow',
    ]);
  });

  it('passes nothing with a limit of 0', () => {
    const { results } = runFlow(quotaFlow({ limit: 0, period: 'total' }), {
      leads: leads(2),
      reps: team,
    });

    expect(results.map((result) => result.route[1])).toEqual(['q:overflow', 'q:overflow']);
  });

  it('counts each value of the per field apart, folding case and width', () => {
    const { results } = runFlow(quotaFlow({ limit: 1, period: 'month', per: 'channel' }), {
      leads: [
        { channel: 'Web' },
        { channel: 'web ' },
        { channel: 'ＡＤ' },
        { channel: 'ad' },
        {},
        { channel: '' },
      ],
      reps: team,
    });

    expect(results.map((result) => result.route[1])).toEqual([
      'q:within',
      'q:overflow',
      'q:within',
      'q:overflow',
      'q:within',
      'q:overflow',
    ]);
  });

  it.each([
    [
      'day',
      ['2024-05-02 09:00', '2024-05-02 23:00', '2024-05-03 00:10'],
      ['within', 'overflow', 'within'],
    ],
    [
      'week',
      ['2024-05-05 09:00', '2024-05-05 23:00', '2024-05-06 00:10'],
      ['within', 'overflow', 'within'],
    ],
    [
      'month',
      ['2024-05-31 09:00', '2024-05-31 23:00', '2024-06-01 00:10'],
      ['within', 'overflow', 'within'],
    ],
    [
      'total',
      ['2024-05-31 09:00', '2024-06-30 23:00', '2025-01-01 00:10'],
      ['within', 'overflow', 'overflow'],
    ],
  ])('starts a new count with each %s', (period, times, handles) => {
    const { results } = runFlow(quotaFlow({ limit: 1, period }), {
      leads: times.map((createdAt) => ({ createdAt })),
      reps: team,
      timeField: 'createdAt',
    });

    expect(results.map((result) => result.route[1])).toEqual(
      handles.map((handle) => `q:${handle}`),
    );
  });

  it('counts leads that pass within even when they end unassigned later', () => {
    const flow = quotaFlow({ limit: 1, period: 'day' });
    const { results } = runFlow(flow, { leads: leads(2), reps: reps({ id: 'A', active: false }) });

    expect(results.map((result) => [result.route[1], result.reason])).toEqual([
      ['q:within', 'no-route'],
      ['q:overflow', 'pool'],
    ]);
  });
});

describe('assign', () => {
  const flow = buildFlow(
    [
      ['src', 'source'],
      ['a', 'assign', { repId: 'A' }],
      ['pool', 'pool', { reason: 'A 不可用' }],
    ],
    [
      ['src', 'out', 'a'],
      ['a', 'overflow', 'pool'],
    ],
  );

  it('assigns the rep while eligible, then overflows', () => {
    const { results } = runFlow(flow, {
      leads: leads(3),
      reps: reps({ id: 'A', capacity: { day: 2 } }),
    });

    expect(results.map((result) => [result.ownerId, result.reason])).toEqual([
      ['A', 'assigned'],
      ['A', 'assigned'],
      [null, 'pool'],
    ]);
  });

  it('overflows when the rep is not in the team', () => {
    const { results } = runFlow(flow, { leads: leads(1), reps: reps('B') });

    expect(results[0]).toMatchObject({
      ownerId: null,
      route: ['src:out', 'a:overflow'],
      poolReason: 'A 不可用',
    });
  });
});

describe('leastLoaded', () => {
  const flow = buildFlow(
    [
      ['src', 'source'],
      ['ll', 'leastLoaded', { assignees: [{ repId: 'A' }, { repId: 'B' }, { repId: 'C' }] }],
      ['pool', 'pool'],
    ],
    [
      ['src', 'out', 'll'],
      ['ll', 'overflow', 'pool'],
    ],
  );

  it('assigns the rep with the fewest open plus assigned leads, ties in list order', () => {
    const team = reps(
      { id: 'A', openLeads: 3 },
      { id: 'B', openLeads: 1 },
      { id: 'C', openLeads: 2 },
    );

    const { results } = runFlow(flow, { leads: leads(6), reps: team });

    expect(results.map((result) => result.ownerId)).toEqual(['B', 'B', 'C', 'A', 'B', 'C']);
  });

  it('counts leads assigned on the allocation date by other nodes and earlier runs', () => {
    const state = {
      format: 'sras.state' as const,
      version: 1 as const,
      assigned: { A: { '2024-05-02': 4 }, B: { '2024-05-01': 9 } },
    };

    const { results } = runFlow(flow, { leads: leads(1), reps: team, state: state as never });

    expect(results[0]?.ownerId).toBe('B');
  });

  it('skips ineligible reps', () => {
    const { results } = runFlow(flow, {
      leads: leads(2),
      reps: reps(
        { id: 'A', active: false },
        { id: 'B', capacity: { day: 1 } },
        { id: 'C', openLeads: 50 },
      ),
    });

    expect(results.map((result) => result.ownerId)).toEqual(['B', 'C']);
  });

  it('overflows when no rep is eligible', () => {
    const { results } = runFlow(flow, {
      leads: leads(1),
      reps: reps({ id: 'A', capacity: { day: 0 } }),
    });

    expect(results[0]).toMatchObject({
      ownerId: null,
      reason: 'pool',
      route: ['src:out', 'll:overflow'],
    });
  });
});

describe('pool', () => {
  it('ends the lead unassigned with the pool reason', () => {
    const flow = buildFlow(
      [
        ['src', 'source'],
        ['pool', 'pool', { reason: '公海待领取' }],
      ],
      [['src', 'out', 'pool']],
    );

    const { results } = runFlow(flow, { leads: leads(1), reps: team });

    expect(results[0]).toEqual({
      leadId: 'L1',
      ownerId: null,
      nodeId: 'pool',
      route: ['src:out'],
      fields: {},
      reason: 'pool',
      poolReason: '公海待领取',
    });
  });

  it('has a null reason when the pool names none', () => {
    const flow = buildFlow(
      [
        ['src', 'source'],
        ['pool', 'pool'],
      ],
      [['src', 'out', 'pool']],
    );

    expect(runFlow(flow, { leads: leads(1), reps: team }).results[0]?.poolReason).toBeNull();
  });
});

describe('unconnected handles', () => {
  it('end the lead with no-route at the node and handle', () => {
    const flow = buildFlow(
      [
        ['src', 'source'],
        ['f', 'filter', { condition: { var: 'ok' } }],
        ['a', 'assign', { repId: 'A' }],
      ],
      [
        ['src', 'out', 'f'],
        ['f', 'match', 'a'],
      ],
    );

    const { results, summary } = runFlow(flow, {
      leads: [{ ok: true }, { ok: false }],
      reps: team,
    });

    expect(results[1]).toMatchObject({
      ownerId: null,
      reason: 'no-route',
      nodeId: 'f',
      route: ['src:out', 'f:else'],
    });
    expect(summary.unassignedByReason).toEqual({ pool: 0, 'no-route': 1 });
  });
});

describe('lead ids', () => {
  it('uses the id field, else the 1-based position', () => {
    const flow = buildFlow(
      [
        ['src', 'source'],
        ['pool', 'pool'],
      ],
      [['src', 'out', 'pool']],
    );

    const { results } = runFlow(flow, {
      leads: [{ id: 'x-1' }, {}, { id: 42 }, { id: '  ' }],
      reps: team,
    });

    expect(results.map((result) => result.leadId)).toEqual(['x-1', 2, 42, 4]);
  });
});
