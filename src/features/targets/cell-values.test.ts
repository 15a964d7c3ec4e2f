import { describe, expect, it } from 'vitest';
import { readAmountCell, readDateCell } from './cell-values';

describe('readDateCell', () => {
  it('reads the date styles of Chinese exports', () => {
    expect(readDateCell('2027-03-05')).toBe('2027-03-05');
    expect(readDateCell('2027/3/5')).toBe('2027-03-05');
    expect(readDateCell('2027.03.05')).toBe('2027-03-05');
    expect(readDateCell('2027年3月5日')).toBe('2027-03-05');
    expect(readDateCell('2027-03-05 23:59:59')).toBe('2027-03-05');
    expect(readDateCell('2027/03/05 8:30')).toBe('2027-03-05');
    expect(readDateCell('20270305')).toBe('2027-03-05');
    expect(readDateCell(20270305)).toBe('2027-03-05');
    expect(readDateCell('２０２７－０３－０５')).toBe('2027-03-05');
  });

  it('converts Excel serial numbers with UTC arithmetic', () => {
    expect(readDateCell(44225)).toBe('2021-01-29');
    expect(readDateCell(44226.75)).toBe('2021-01-30');
    expect(readDateCell('44225')).toBe('2021-01-29');
  });

  it('moves instants with an offset into the workspace zone', () => {
    expect(readDateCell('2026-12-31T16:30:00Z')).toBe('2027-01-01');
    expect(readDateCell('2026-12-31T16:30:00Z', 'UTC')).toBe('2026-12-31');
    expect(readDateCell('2027-01-01T07:00:00+08:00')).toBe('2027-01-01');
    expect(readDateCell(Date.parse('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(readDateCell(new Date(Date.parse('2026-12-31T16:30:00Z')))).toBe('2027-01-01');
  });

  it('returns null for empty and impossible values', () => {
    expect(readDateCell('')).toBeNull();
    expect(readDateCell(null)).toBeNull();
    expect(readDateCell('2027-02-29')).toBeNull();
    expect(readDateCell('2027-03-05 25:00')).toBeNull();
    expect(readDateCell('next Tuesday')).toBeNull();
    expect(readDateCell(0)).toBeNull();
    expect(readDateCell(true)).toBeNull();
  });
});

describe('readAmountCell', () => {
  it('reads plain and formatted amounts', () => {
    expect(readAmountCell(1200)).toBe(1200);
    expect(readAmountCell('1,200.50')).toBe(1200.5);
    expect(readAmountCell('¥1,200')).toBe(1200);
    expect(readAmountCell('￥ 88,000 元')).toBe(88000);
    expect(readAmountCell('RMB 3500')).toBe(3500);
    expect(readAmountCell('１２００')).toBe(1200);
  });

  it('reads 万 and 亿 multipliers', () => {
    expect(readAmountCell('3.5万')).toBe(35000);
    expect(readAmountCell('3.3万')).toBe(33000);
    expect(readAmountCell('1.2亿')).toBe(120_000_000);
  });

  it('reads negative amounts written with a sign or in brackets', () => {
    expect(readAmountCell('-800')).toBe(-800);
    expect(readAmountCell('(800)')).toBe(-800);
  });

  it('returns null for text that is not an amount', () => {
    expect(readAmountCell('')).toBeNull();
    expect(readAmountCell('面议')).toBeNull();
    expect(readAmountCell('1.2.3')).toBeNull();
    expect(readAmountCell(Number.NaN)).toBeNull();
    expect(readAmountCell(null)).toBeNull();
  });
});
