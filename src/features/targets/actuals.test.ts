import { describe, expect, it } from 'vitest';
import { annualiseResult, sumByMonth, sumByOwner } from './actuals';

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
