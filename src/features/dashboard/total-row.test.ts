import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../targets';
import { monthlyTrend } from './chart-data';
import type { Metrics } from './dashboard-metrics';
import { formatYuan } from './number-format';
import type { OutcomeRecord } from './outcome-records';
import { computeDashboard } from './dashboard-metrics';
import { readDatasetRecords } from './outcome-records';
import { DEAL_MAPPING, DEALS, REPS, TARGETS } from './test/march-deals';
import { displayedTotal, teamRowsAsShown } from './total-row';

/** Reads back the whole yuan a formatted amount shows (`¥5,423,328` → 5423328). */
function shownYuan(value: number): number {
  return Number(formatYuan(value, 'en').replace(/[^\d-]/g, ''));
}

const amount = fc.double({ min: 0, max: 5e6, noNaN: true, noDefaultInfinity: true });

const metricsRow = fc
  .record({
    assigned: fc.nat(500),
    won: fc.nat(100),
    revenue: amount,
    target: amount,
    gap: amount,
    dailyNeeded: fc.option(amount, { nil: null }),
  })
  .map((row): Metrics => ({
    assigned: row.assigned,
    won: row.won,
    revenue: row.revenue,
    cohortWon: 0,
    conversionRate: null,
    averageDaysToClose: null,
    target: row.target,
    pace: {
      totalDays: 31,
      elapsedDays: 15,
      remainingDays: 16,
      remainingTargetDays: 16,
      target: row.target,
      actual: row.revenue,
      expected: row.revenue + row.gap,
      attainment: null,
      expectedAttainment: null,
      gap: row.gap,
      dailyNeeded: row.dailyNeeded,
      dailyPlanned: row.target / 31,
      status: row.gap > 0 ? 'behind' : 'on-pace',
    },
  }));

describe('displayedTotal', () => {
  it('shows totals equal to the sum of the rows as shown', () => {
    fc.assert(
      fc.property(
        fc.array(metricsRow, { minLength: 1, maxLength: 30 }),
        metricsRow,
        (rows, total) => {
          const totalRow = displayedTotal(rows, total);
          const sumShown = (value: (row: Metrics) => number) =>
            rows.reduce((acc, row) => acc + shownYuan(value(row)), 0);

          expect(shownYuan(totalRow.revenue)).toBe(sumShown((row) => row.revenue));
          expect(shownYuan(totalRow.target)).toBe(sumShown((row) => row.target));
          expect(shownYuan(totalRow.pace.gap)).toBe(sumShown((row) => row.pace.gap));
          expect(totalRow.assigned).toBe(rows.reduce((acc, row) => acc + row.assigned, 0));
        },
      ),
      { seed: 20_261_205, numRuns: 300 },
    );
  });

  it('sums the shown gaps, not the unrounded ones', () => {
    const row = (gap: number): Metrics => ({
      ...emptyMetrics(),
      pace: { ...emptyMetrics().pace, gap },
    });
    // Unrounded, the three gaps add up to 5,423,329.2; each row shows 1,807,776.
    const rows = [row(1_807_776.4), row(1_807_776.4), row(1_807_776.4)];

    const totalRow = displayedTotal(rows, emptyMetrics());

    expect(formatYuan(totalRow.pace.gap, 'en')).toBe('¥5,423,328');
  });

  it('leaves the daily amount empty when no row needs one', () => {
    const totalRow = displayedTotal([emptyMetrics()], emptyMetrics());

    expect(totalRow.pace.dailyNeeded).toBeNull();
  });
});

describe('monthlyTrend cumulative columns', () => {
  it('equal the running sum of the monthly values as shown', () => {
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 12, maxLength: 12 }),
        fc.array(amount, { minLength: 12, maxLength: 12 }),
        (targets, amounts) => {
          const records = amounts.map((value, index) => wonDeal(index + 1, value));
          const rows = monthlyTrend({
            records,
            monthlyTargets: new Map([[2027, targets]]),
            period: { start: '2027-01-01', end: '2027-12-31' },
            asOf: '2027-12-31',
            unit: 'yuan',
          });

          let target = 0;
          let actual = 0;
          for (const row of rows) {
            target += shownYuan(row.target);
            actual += shownYuan(row.actual ?? 0);
            expect(shownYuan(row.cumulativeTarget)).toBe(target);
            expect(shownYuan(row.cumulativeActual ?? 0)).toBe(actual);
          }
        },
      ),
      { seed: 20_261_205, numRuns: 200 },
    );
  });
});

function emptyMetrics(): Metrics {
  return {
    assigned: 0,
    won: 0,
    revenue: 0,
    cohortWon: 0,
    conversionRate: null,
    averageDaysToClose: null,
    target: 0,
    pace: {
      totalDays: 31,
      elapsedDays: 15,
      remainingDays: 16,
      remainingTargetDays: 16,
      target: 0,
      actual: 0,
      expected: 0,
      attainment: null,
      expectedAttainment: null,
      gap: 0,
      dailyNeeded: null,
      dailyPlanned: 0,
      status: 'no-target',
    },
  };
}

/** Builds a won deal closed on the 10th of `month` 2027. */
function wonDeal(month: number, value: number): OutcomeRecord {
  const day = toDayNumber(`2027-${String(month).padStart(2, '0')}-10`);
  return {
    sourceId: 'deals',
    sourceKind: 'dataset',
    rowNumber: month,
    owner: 'r1',
    createdDay: day,
    closedDay: day,
    won: true,
    amount: value,
    stage: null,
    leadSource: null,
  };
}

describe('teamRowsAsShown', () => {
  const { records } = readDatasetRecords({ id: 'deals', rows: DEALS }, { mapping: DEAL_MAPPING });
  const result = computeDashboard({
    reps: REPS,
    records,
    targets: TARGETS,
    targetUnit: 'yuan',
    period: { start: '2027-03-01', end: '2027-03-31' },
    asOf: '2027-03-16',
    behindMargin: 0.1,
  });

  it('adds up the gaps of a team’s reps, not offsetting a rep behind with a rep ahead', () => {
    const east = teamRowsAsShown(result.teams, result.reps).find(
      (team) => team.team === '华东一组',
    );
    const members = result.reps.filter((rep) => rep.team === '华东一组');
    expect(members.map((rep) => rep.pace.status).sort()).toEqual(['ahead', 'behind']);
    const repGaps = members.reduce((sum, rep) => sum + Math.round(rep.pace.gap), 0);
    expect(repGaps).toBeGreaterThan(0);
    expect(east?.pace.gap).toBe(repGaps);
    expect(east?.pace.status).toBe(
      result.teams.find((team) => team.team === '华东一组')?.pace.status,
    );
  });

  it('gives the teams table the same total row as the reps table', () => {
    const repsTotal = displayedTotal(result.reps, result.total);
    const teamsTotal = displayedTotal(teamRowsAsShown(result.teams, result.reps), result.total);
    for (const read of [
      (row: Metrics) => row.assigned,
      (row: Metrics) => row.won,
      (row: Metrics) => row.revenue,
      (row: Metrics) => row.target,
      (row: Metrics) => row.pace.gap,
      (row: Metrics) => row.pace.dailyNeeded,
    ]) {
      expect(read(teamsTotal)).toBe(read(repsTotal));
    }
  });

  it('keeps the gap of a team whose target lies only on its own row', () => {
    const team = { ...result.teams[0], team: '大客户部', repCount: 0 } as (typeof result.teams)[0];
    const [shown] = teamRowsAsShown([team], result.reps);
    expect(shown?.pace.gap).toBe(Math.round(team.pace.gap));
    expect(shown?.target).toBe(Math.round(team.target));
  });
});
