import { describe, expect, it } from 'vitest';
import { computeDashboard, NO_SOURCE, type DashboardInput } from './dashboard-metrics';
import { readDatasetRecords, readRunRecords } from './outcome-records';
import { DEAL_MAPPING, DEALS, REPS, TARGETS, UNREADABLE_DEAL } from './test/march-deals';

function dashboardInput(overrides: Partial<DashboardInput> = {}): DashboardInput {
  const { records } = readDatasetRecords({ id: 'deals', rows: DEALS }, { mapping: DEAL_MAPPING });
  return {
    reps: REPS,
    records,
    targets: TARGETS,
    targetUnit: 'yuan',
    period: { start: '2027-03-01', end: '2027-03-31' },
    asOf: '2027-03-16',
    behindMargin: 0.1,
    ...overrides,
  };
}

describe('computeDashboard', () => {
  it('computes one rep’s figures as counted by hand', () => {
    const zhang = computeDashboard(dashboardInput()).reps.find((rep) => rep.repId === 'r1');
    // Created 1–16 March: rows 2, 3, 4, 5 and 6. Won and closed 1–16 March: rows 1, 2 and 5.
    expect(zhang?.assigned).toBe(5);
    expect(zhang?.won).toBe(3);
    expect(zhang?.revenue).toBe(80_000 + 25_000 + 10_000);
    // Of the five assigned, rows 2 and 5 are won by today; row 6 closes after today.
    expect(zhang?.cohortWon).toBe(2);
    expect(zhang?.conversionRate).toBe(0.4);
    // Days to close: 11 (row 1), 8 (row 2), 15 (row 5).
    expect(zhang?.averageDaysToClose).toBeCloseTo(34 / 3, 12);
    expect(zhang?.target).toBe(310_000);
    expect(zhang?.pace).toMatchObject({
      elapsedDays: 15,
      remainingDays: 16,
      expected: 150_000,
      gap: 35_000,
      dailyNeeded: 195_000 / 16,
      status: 'behind',
    });
    expect(zhang?.pace.attainment).toBeCloseTo(115_000 / 310_000, 12);
  });

  it('marks reps ahead of and behind pace', () => {
    const result = computeDashboard(dashboardInput());
    const statuses = Object.fromEntries(result.reps.map((rep) => [rep.name, rep.pace.status]));
    expect(statuses).toEqual({ 张伟: 'behind', 王芳: 'ahead', 刘洋: 'behind' });
    expect(result.reps.find((rep) => rep.repId === 'r3')).toMatchObject({
      assigned: 1,
      won: 0,
      target: 155_000,
    });
  });

  it('adds reps up into teams and the company', () => {
    const result = computeDashboard(dashboardInput());
    const east = result.teams.find((team) => team.team === '华东一组');
    expect(east).toMatchObject({
      repCount: 2,
      assigned: 6,
      won: 4,
      revenue: 315_000,
      target: 620_000,
    });
    expect(result.total).toMatchObject({ assigned: 7, won: 4, revenue: 315_000, target: 775_000 });
  });

  it('shows no rep, team or company behind pace before the plan year starts', () => {
    const result = computeDashboard(
      dashboardInput({ period: { start: '2026-12-01', end: '2027-01-01' }, asOf: '2026-12-05' }),
    );
    for (const row of [...result.reps, ...result.teams, result.total]) {
      expect(row.pace.expected).toBe(0);
      expect(row.pace.gap).toBe(0);
      expect(row.pace.status).toBe('not-started');
    }
    expect(result.total.target).toBeCloseTo(775_000 / 31, 6);
  });

  it('lists owners that match no rep', () => {
    const result = computeDashboard(dashboardInput());
    expect(result.unmatched).toEqual([
      { owner: '老周', kind: 'unknown', repIds: [], records: 1, revenue: 40_000 },
    ]);
  });

  it('lists an owner name two reps share as ambiguous', () => {
    const reps = [...REPS, { id: 'r9', name: '王芳', team: '华南组' }];
    const result = computeDashboard(dashboardInput({ reps }));
    expect(result.unmatched).toContainEqual({
      owner: '王芳',
      kind: 'ambiguous',
      repIds: ['r2', 'r9'],
      records: 1,
      revenue: 200_000,
    });
  });

  it('counts a renamed rep’s deals by the former name and lists that owner', () => {
    const reps = REPS.map((rep) =>
      rep.id === 'r1' ? { ...rep, name: '张伟（组长）', formerNames: ['张伟'] } : rep,
    );
    const result = computeDashboard(dashboardInput({ reps }));
    expect(result.reps.find((rep) => rep.repId === 'r1')).toMatchObject({
      name: '张伟（组长）',
      assigned: 5,
      won: 3,
      revenue: 115_000,
    });
    expect(result.unmatched.map((owner) => owner.owner)).toEqual(['老周']);
    expect(result.formerNames).toEqual([{ owner: '张伟', repId: 'r1', records: 6 }]);
  });

  it('filters by team and lead source', () => {
    const south = computeDashboard(dashboardInput({ team: '华南组' }));
    expect(south.reps.map((rep) => rep.repId)).toEqual(['r3']);
    expect(south.total.target).toBe(155_000);

    const fair = computeDashboard(dashboardInput({ leadSources: ['展会'] }));
    expect(fair.reps.find((rep) => rep.repId === 'r1')).toMatchObject({ won: 2, revenue: 90_000 });
    const none = computeDashboard(dashboardInput({ leadSources: [NO_SOURCE] }));
    expect(none.reps.find((rep) => rep.repId === 'r3')?.assigned).toBe(1);
    expect(none.reps.find((rep) => rep.repId === 'r1')?.assigned).toBe(0);
  });

  it('counts attainment in won deals for a plan in counts', () => {
    const counts = new Map([[2027, { 'rep:r1': new Array(12).fill(31) }]]);
    const zhang = computeDashboard(dashboardInput({ targets: counts, targetUnit: 'count' }))
      .reps[0];
    expect(zhang?.pace.actual).toBe(3);
    expect(zhang?.pace.expected).toBe(15);
  });

  it('counts a deal closed late on December 31 UTC in January in Shanghai', () => {
    const rows = [
      {
        负责人: '张伟',
        创建日期: '2026-12-20',
        成交日期: '2026-12-31T17:00:00Z',
        阶段: '赢单',
        金额: 70_000,
      },
    ];
    const { records } = readDatasetRecords({ id: 'd', rows }, { mapping: DEAL_MAPPING });
    const january = computeDashboard(
      dashboardInput({
        records,
        period: { start: '2027-01-01', end: '2027-01-31' },
        asOf: '2027-01-01',
      }),
    );
    expect(january.reps[0]).toMatchObject({ won: 1, revenue: 70_000, assigned: 0 });
    expect(january.reps[0]?.averageDaysToClose).toBe(12);
    const december = computeDashboard(
      dashboardInput({
        records,
        period: { start: '2026-12-01', end: '2026-12-31' },
        asOf: '2026-12-31',
      }),
    );
    expect(december.reps[0]).toMatchObject({ won: 0, assigned: 1 });
  });

  it('ignores records dated after today and reports the counted period', () => {
    const result = computeDashboard(dashboardInput({ asOf: '2027-03-09' }));
    expect(result.countedPeriod).toEqual({ start: '2027-03-01', end: '2027-03-09' });
    expect(result.reps[0]).toMatchObject({ won: 1, revenue: 80_000 });
  });

  it('counts applied runs and never simulations', () => {
    const leads = [{ 来源: '抖音' }, { 来源: '百度' }, { 来源: '抖音' }];
    const results = [
      { ownerId: 'r3', roundRobinNodeId: 'rr1' },
      { ownerId: null },
      { ownerId: 'r3', roundRobinNodeId: 'rr1' },
    ];
    const now = Date.parse('2027-03-14T09:00:00+08:00');
    const applied = readRunRecords({
      id: 'run-1',
      appliedAt: now,
      now,
      leads,
      results,
      mapping: { source: '来源' },
    });
    const simulated = readRunRecords({
      id: 'run-2',
      now,
      leads,
      results,
      mapping: { source: '来源' },
    });
    expect(simulated).toEqual([]);
    const result = computeDashboard(
      dashboardInput({ records: [...dashboardInput().records, ...applied] }),
    );
    expect(result.reps.find((rep) => rep.repId === 'r3')?.assigned).toBe(3);
  });
});

describe('readDatasetRecords', () => {
  it('lists unreadable dates and amounts by row and column', () => {
    const read = readDatasetRecords(
      { id: 'deals', rows: [...DEALS, UNREADABLE_DEAL] },
      { mapping: DEAL_MAPPING },
    );
    expect(read.issues).toEqual([
      { row: 10, column: '金额', code: 'invalid-amount', value: '面议' },
      { row: 10, column: '创建日期', code: 'invalid-date', value: '下周' },
    ]);
    expect(read.records).toHaveLength(DEALS.length + 1);
    // The row still counts as a won deal, of unknown amount and creation day.
    expect(read.records[9]).toMatchObject({ won: true, amount: 0, createdDay: null });
  });

  it('lists a negative amount by row and column and counts it as 0 revenue', () => {
    const refund = { ...DEALS[0], 金额: -80_000 };
    const read = readDatasetRecords(
      { id: 'deals', rows: [...DEALS, refund] },
      { mapping: DEAL_MAPPING },
    );

    expect(read.issues).toEqual([
      { row: DEALS.length + 1, column: '金额', code: 'negative-amount', value: -80_000 },
    ]);
    expect(read.records.at(-1)).toMatchObject({ won: read.records[0]?.won, amount: 0 });
  });

  it('keeps a negative amount out of the rep revenue', () => {
    const refund = { ...DEALS[0], 金额: '-80000' };
    const { records } = readDatasetRecords(
      { id: 'deals', rows: [...DEALS, refund] },
      { mapping: DEAL_MAPPING },
    );

    const zhang = computeDashboard(dashboardInput({ records })).reps.find(
      (rep) => rep.repId === 'r1',
    );

    expect(zhang?.revenue).toBe(80_000 + 25_000 + 10_000);
  });

  it('lists amounts above the limit and keeps them out of revenue', () => {
    const huge = [
      { ...DEALS[0], 金额: 1e20 },
      { ...DEALS[0], 金额: '9007199254740993' },
      { ...DEALS[0], 金额: '¥1,000,000,000,000' },
    ];
    const { records, issues } = readDatasetRecords(
      { id: 'deals', rows: [...DEALS, ...huge] },
      { mapping: DEAL_MAPPING },
    );

    expect(issues).toEqual([
      { row: DEALS.length + 1, column: '金额', code: 'amount-too-large', value: 1e20 },
      {
        row: DEALS.length + 2,
        column: '金额',
        code: 'amount-too-large',
        value: '9007199254740993',
      },
    ]);
    expect(records.at(-1)?.amount).toBe(1_000_000_000_000);
    const zhang = computeDashboard(dashboardInput({ records })).reps.find(
      (rep) => rep.repId === 'r1',
    );
    expect(zhang?.won).toBe(3 + 3);
    // The two amounts above the limit count as won deals of ¥0; the one at the limit counts.
    expect(zhang?.revenue).toBe(80_000 + 25_000 + 10_000 + 1e12);
  });

  it('counts a won deal with an unreadable close date on its created date', () => {
    const rows = [
      { ...DEALS[0], 创建日期: '2027-03-02', 成交日期: '10.01.2027' },
      { ...DEALS[0], 创建日期: '下周', 成交日期: 'notadate' },
      { ...DEALS[2], 成交日期: '2027-02-30' },
    ];
    const { records, issues } = readDatasetRecords(
      { id: 'deals', rows },
      { mapping: DEAL_MAPPING },
    );

    expect(issues).toEqual([
      { row: 1, column: '成交日期', code: 'won-close-date-invalid', value: '10.01.2027' },
      { row: 2, column: '创建日期', code: 'invalid-date', value: '下周' },
      { row: 2, column: '成交日期', code: 'won-dates-invalid', value: 'notadate' },
      { row: 3, column: '成交日期', code: 'invalid-date', value: '2027-02-30' },
    ]);
    const zhang = computeDashboard(dashboardInput({ records })).reps.find(
      (rep) => rep.repId === 'r1',
    );
    expect(zhang).toMatchObject({ won: 1, revenue: 80_000 });
  });

  it('decides won by the won flag, then the status, then the stage', () => {
    const rows = [{ 赢单: '是', 状态: '跟进中', 阶段: '输单' }];
    expect(
      readDatasetRecords(
        { id: 'a', rows },
        { mapping: { wonFlag: '赢单', status: '状态', stage: '阶段' } },
      ).records[0]?.won,
    ).toBe(true);
    expect(
      readDatasetRecords({ id: 'a', rows }, { mapping: { status: '状态', stage: '阶段' } })
        .records[0]?.won,
    ).toBe(false);
    expect(
      readDatasetRecords({ id: 'a', rows }, { mapping: { stage: '阶段' }, wonValues: ['输单'] })
        .records[0]?.won,
    ).toBe(true);
    expect(
      readDatasetRecords({ id: 'a', rows }, { mapping: {}, everyRowWon: true }).records[0]?.won,
    ).toBe(true);
  });
});
