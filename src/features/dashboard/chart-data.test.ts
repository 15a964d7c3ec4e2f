import { describe, expect, it } from 'vitest';
import { funnelByStage, leadsBySource, monthlyTrend } from './chart-data';
import { DEFAULT_LOST_VALUES, DEFAULT_STAGE_ORDER } from './outcome-fields';
import { readDatasetRecords } from './outcome-records';
import { DEAL_MAPPING, DEALS } from './test/march-deals';

const { records } = readDatasetRecords({ id: 'deals', rows: DEALS }, { mapping: DEAL_MAPPING });
const march = { start: '2027-03-01', end: '2027-03-16' };

describe('monthlyTrend', () => {
  it('sets monthly actuals against targets and leaves future months empty', () => {
    const rows = monthlyTrend({
      records,
      monthlyTargets: new Map([[2027, [100, 200, 300, 400, 0, 0, 0, 0, 0, 0, 0, 0]]]),
      period: { start: '2027-02-01', end: '2027-04-30' },
      asOf: '2027-03-16',
      unit: 'yuan',
    });
    expect(rows).toEqual([
      { month: '2027-02', target: 200, actual: 0, cumulativeTarget: 200, cumulativeActual: 0 },
      {
        month: '2027-03',
        target: 300,
        actual: 80_000 + 25_000 + 10_000 + 200_000 + 40_000,
        cumulativeTarget: 500,
        cumulativeActual: 355_000,
      },
      {
        month: '2027-04',
        target: 400,
        actual: null,
        cumulativeTarget: 900,
        cumulativeActual: null,
      },
    ]);
  });

  it('counts won deals for a plan in counts', () => {
    const rows = monthlyTrend({
      records,
      monthlyTargets: new Map(),
      period: { start: '2027-03-01', end: '2027-03-31' },
      asOf: '2027-03-31',
      unit: 'count',
    });
    // Won and closed in March: rows 1, 2, 5, 7 and 9; row 6 closes in April.
    expect(rows[0]?.actual).toBe(5);
  });
});

describe('funnelByStage', () => {
  it('orders stages and counts how many reached each one', () => {
    const rows = funnelByStage({
      records,
      period: march,
      stageOrder: DEFAULT_STAGE_ORDER,
      lostStages: DEFAULT_LOST_VALUES,
    });
    expect(rows).toEqual([
      { stage: '初步沟通', count: 1, reached: 7, lost: false },
      { stage: '方案报价', count: 1, reached: 6, lost: false },
      { stage: '赢单', count: 5, reached: 5, lost: false },
      { stage: '输单', count: 1, reached: 1, lost: true },
    ]);
  });

  it('puts unknown stages after known ones, most frequent first', () => {
    const rows = funnelByStage({ records, period: march });
    expect(rows[0]).toMatchObject({ stage: '赢单', count: 5 });
  });
});

describe('leadsBySource', () => {
  it('counts leads created in the period per source', () => {
    // Row 6 (官网) is won but closes after today, so it counts as a lead only.
    expect(leadsBySource(records, march, '2027-03-16')).toEqual([
      { source: '官网', leads: 4, won: 2, revenue: 65_000 },
      { source: '展会', leads: 2, won: 2, revenue: 210_000 },
      { source: '转介绍', leads: 1, won: 0, revenue: 0 },
      { source: '', leads: 1, won: 0, revenue: 0 },
    ]);
  });
});
