import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualiseResult, sumByMonth, sumByOwner } from './actuals';
import { planTotal } from './plan-grid';
import { buildPlan } from './test/plan-fixtures';

const DEALS = [
  { 成交日期: '2026-01-05', 金额: '¥120,000', 负责人: '张伟', 阶段: '赢单' },
  { 成交日期: '2026/01/31', 金额: 80_000, 负责人: '王芳', 阶段: '赢单' },
  { 成交日期: '2026-02-28', 金额: '3.5万', 负责人: '张伟', 阶段: '赢单' },
  { 成交日期: '2025-12-31', 金额: 999_999, 负责人: '张伟', 阶段: '赢单' },
  { 成交日期: '2026-12-31T16:30:00Z', 金额: 50_000, 负责人: '王芳', 阶段: '赢单' },
  { 成交日期: '2026-03-01', 金额: 70_000, 负责人: '李娜', 阶段: '输单' },
  { 成交日期: '', 金额: 10_000, 负责人: '王芳', 阶段: '赢单' },
  { 成交日期: '下周', 金额: 10_000, 负责人: '王芳', 阶段: '赢单' },
  { 成交日期: '2026-04-01', 金额: '面议', 负责人: '王芳', 阶段: '赢单' },
  { 成交日期: '2026-05-01', 金额: 30_000, 负责人: '老周', 阶段: '赢单' },
];
const isWon = (row: Record<string, unknown>) => row.阶段 === '赢单';

describe('sumByMonth', () => {
  it('sums amounts per month of the year and lists unreadable rows', () => {
    const actuals = sumByMonth(DEALS, { dateColumn: '成交日期', amountColumn: '金额' }, 2026, {
      include: isWon,
    });
    expect(actuals.months).toEqual([200_000, 35_000, 0, 0, 30_000, 0, 0, 0, 0, 0, 0, 0]);
    expect(actuals.rowsUsed).toBe(4);
    expect(actuals.issues).toEqual([
      { row: 7, column: '成交日期', code: 'missing-date', value: '' },
      { row: 8, column: '成交日期', code: 'invalid-date', value: '下周' },
      { row: 9, column: '金额', code: 'invalid-amount', value: '面议' },
    ]);
    expect(actuals.issueCount).toBe(3);
  });

  it('counts rows when no amount column is given', () => {
    const actuals = sumByMonth(DEALS, { dateColumn: '成交日期' }, 2026, { include: isWon });
    expect(actuals.months.slice(0, 5)).toEqual([2, 1, 0, 1, 1]);
  });

  it('leaves out negative amounts and names the first', () => {
    const rows = [
      { 成交日期: '2026-01-05', 金额: 100_000 },
      { 成交日期: '2026-01-20', 金额: -30_000 },
      { 成交日期: '2025-06-01', 金额: -5_000 },
      { 成交日期: '2026-03-02', 金额: '-¥2,000' },
      { 成交日期: '2026-03-09', 金额: 40_000 },
    ];

    const actuals = sumByMonth(rows, { dateColumn: '成交日期', amountColumn: '金额' }, 2026, {
      rowNumbers: [2, 3, 4, 5, 6],
    });

    expect(actuals.months.slice(0, 3)).toEqual([100_000, 0, 40_000]);
    expect(actuals.rowsUsed).toBe(2);
    // The row of 2025 lies outside the year and is not counted.
    expect(actuals.negativeRows).toEqual({ count: 2, firstRow: 3 });
    expect(actuals.issues).toEqual([]);
  });

  it('reports no negative rows when there are none', () => {
    const actuals = sumByMonth(DEALS, { dateColumn: '成交日期', amountColumn: '金额' }, 2026);
    expect(actuals.negativeRows).toEqual({ count: 0, firstRow: null });
  });

  it('keeps every month at least 0 and the plan exact', () => {
    const rowArbitrary = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      amount: fc.integer({ min: -2_000_000, max: 2_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { maxLength: 40 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (deals, total) => {
          const rows = deals.map(({ month, amount }) => ({
            date: `2026-${String(month).padStart(2, '0')}-15`,
            amount,
          }));

          const actuals = sumByMonth(rows, { dateColumn: 'date', amountColumn: 'amount' }, 2026);

          const positive = deals.filter((deal) => deal.amount >= 0);
          const monthSum = actuals.months.reduce((sum, value) => sum + value, 0);
          expect(actuals.months.every((value) => value >= 0)).toBe(true);
          expect(monthSum).toBe(positive.reduce((sum, deal) => sum + deal.amount, 0));
          expect(actuals.negativeRows.count).toBe(deals.length - positive.length);
          if (monthSum === 0) return;
          const plan = buildPlan({
            total,
            timeSplit: { method: 'lastYear', monthActuals: actuals.months },
          });
          expect(planTotal(plan)).toBe(total);
        },
      ),
    );
  });

  it('puts a late-evening UTC instant into the next year in Shanghai', () => {
    const actuals = sumByMonth(DEALS, { dateColumn: '成交日期', amountColumn: '金额' }, 2027);
    expect(actuals.months[0]).toBe(50_000);
  });
});

describe('sumByOwner', () => {
  it('sums per resolved owner over an inclusive period and lists unmatched owners', () => {
    const keys: Record<string, string> = { 张伟: 'rep:r1', 王芳: 'rep:r2', 李娜: 'rep:r3' };
    const owners = sumByOwner(
      DEALS,
      { dateColumn: '成交日期', amountColumn: '金额', ownerColumn: '负责人' },
      '2026-01-01',
      '2026-12-31',
      (owner) => keys[owner] ?? null,
      { include: isWon },
    );
    expect(owners.results).toEqual({ 'rep:r1': 155_000, 'rep:r2': 80_000 });
    expect(owners.unmatched).toEqual([{ owner: '老周', amount: 30_000, rows: 1 }]);
  });

  it('leaves a rep’s refund out of their result and counts it', () => {
    const rows = [
      { date: '2026-02-01', amount: 50_000, owner: '张伟' },
      { date: '2026-02-03', amount: -80_000, owner: '张伟' },
      { date: '2026-02-04', amount: 20_000, owner: '王芳' },
    ];

    const owners = sumByOwner(
      rows,
      { dateColumn: 'date', amountColumn: 'amount', ownerColumn: 'owner' },
      '2026-01-01',
      '2026-12-31',
      (owner) => (owner === '张伟' ? 'rep:r1' : 'rep:r2'),
    );

    expect(owners.results).toEqual({ 'rep:r1': 50_000, 'rep:r2': 20_000 });
    expect(owners.negativeRows).toEqual({ count: 1, firstRow: 2 });
  });
});

describe('annualiseResult', () => {
  it('scales a part-period result to the whole period by employed days', () => {
    expect(
      annualiseResult(100_000, { employmentStart: '2026-10-01' }, '2026-01-01', '2026-12-31'),
    ).toBeCloseTo((100_000 * 365) / 92, 6);
    expect(annualiseResult(100_000, {}, '2026-01-01', '2026-12-31')).toBe(100_000);
    expect(
      annualiseResult(100_000, { employmentStart: '2027-01-01' }, '2026-01-01', '2026-12-31'),
    ).toBe(100_000);
  });
});
