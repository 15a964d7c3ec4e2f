import { describe, expect, it } from 'vitest';
import { activeDaysInMonth, activeMonthFractions } from './employment';

describe('activeMonthFractions', () => {
  it('gives a full year to a rep with no employment dates', () => {
    expect(activeMonthFractions(2027, {})).toEqual(new Array(12).fill(1));
  });

  it('counts a mid-month start by calendar days, the start day included', () => {
    expect(activeDaysInMonth(2027, 3, { employmentStart: '2027-03-16' })).toBe(16);
    const fractions = activeMonthFractions(2027, { employmentStart: '2027-03-16' });
    expect(fractions.slice(0, 2)).toEqual([0, 0]);
    expect(fractions[2]).toBeCloseTo(16 / 31, 12);
    expect(fractions.slice(3)).toEqual(new Array(9).fill(1));
  });

  it('counts a mid-month end by calendar days, the end day included', () => {
    const fractions = activeMonthFractions(2027, { employmentEnd: '2027-09-10' });
    expect(fractions[8]).toBeCloseTo(10 / 30, 12);
    expect(fractions.slice(9)).toEqual([0, 0, 0]);
  });

  it('uses 29 days for February of a leap year', () => {
    expect(activeMonthFractions(2028, { employmentStart: '2028-02-15' })[1]).toBeCloseTo(
      15 / 29,
      12,
    );
    expect(activeMonthFractions(2027, { employmentStart: '2027-02-15' })[1]).toBeCloseTo(
      14 / 28,
      12,
    );
  });

  it('gives nothing to a window outside the year', () => {
    expect(activeMonthFractions(2027, { employmentEnd: '2026-12-31' })).toEqual(
      new Array(12).fill(0),
    );
    expect(activeMonthFractions(2027, { employmentStart: '2028-01-01' })).toEqual(
      new Array(12).fill(0),
    );
  });

  it('handles a start and end within one month', () => {
    expect(
      activeDaysInMonth(2027, 6, { employmentStart: '2027-06-10', employmentEnd: '2027-06-19' }),
    ).toBe(10);
  });
});
