import { describe, expect, it } from 'vitest';
import { computeDashboard } from './dashboard-metrics';
import { readDatasetRecords } from './outcome-records';

const REPS = [{ id: 'r1', name: '张伟', team: '华东一组' }];
const MAPPING = { owner: '负责人', closedAt: '成交日期', stage: '阶段', amount: '金额' };
// 31,000 a month in 2026 and 2027: 1,000 a day in December and January.
const MONTHLY = new Array<number>(12).fill(31_000);
const TARGETS = new Map([
  [2026, { 'rep:r1': MONTHLY }],
  [2027, { 'rep:r1': MONTHLY }],
]);

// 05:00 UTC on 1 January 2027 is 21:00 on 31 December 2026 in Los Angeles and 13:00 on New Year's Day in Shanghai.
const ROWS = [{ 负责人: '张伟', 成交日期: '2027-01-01T05:00:00Z', 阶段: '赢单', 金额: 9_000 }];

function revenueIn(
  timeZone: string,
  period: { start: string; end: string },
  asOf: string,
): { revenue: number; expected: number; gap: number } {
  const { records } = readDatasetRecords(
    { id: 'deals', rows: ROWS },
    { mapping: MAPPING },
    timeZone,
  );
  const rep = computeDashboard({
    reps: REPS,
    records,
    targets: TARGETS,
    targetUnit: 'yuan',
    period,
    asOf,
    behindMargin: 0.1,
  }).reps[0];
  if (!rep) throw new Error('no rep');
  return { revenue: rep.revenue, expected: rep.pace.expected, gap: rep.pace.gap };
}

describe('dashboard figures in America/Los_Angeles', () => {
  const DECEMBER = { start: '2026-12-01', end: '2026-12-31' };
  const JANUARY = { start: '2027-01-01', end: '2027-01-31' };

  it('counts a New Year’s Eve deal in December', () => {
    // 30 of 31 days elapsed before 31 December: 30,000 expected, 21,000 short.
    expect(revenueIn('America/Los_Angeles', DECEMBER, '2026-12-31')).toEqual({
      revenue: 9_000,
      expected: 30_000,
      gap: 21_000,
    });
    expect(revenueIn('America/Los_Angeles', JANUARY, '2027-01-10').revenue).toBe(0);
  });

  it('counts the same instant in January in Shanghai', () => {
    expect(revenueIn('Asia/Shanghai', DECEMBER, '2026-12-31').revenue).toBe(0);
    // 9 of 31 days elapsed by 10 January: 9,000 expected, 9,000 reached.
    expect(revenueIn('Asia/Shanghai', JANUARY, '2027-01-10')).toEqual({
      revenue: 9_000,
      expected: 9_000,
      gap: 0,
    });
  });
});
