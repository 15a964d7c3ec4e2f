import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysInMonth, fromDayNumber, toDayNumber } from '../targets';
import { dateInTimeZone } from '../targets/civil-date';
import { computePace } from './pace';
import { monthsInPeriod, periodContaining, periodDays, targetInPeriod } from './period';

describe('periodContaining', () => {
  it('finds the month, quarter and year of a date', () => {
    expect(periodContaining('month', '2028-02-15')).toEqual({
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(periodContaining('quarter', '2027-05-20')).toEqual({
      start: '2027-04-01',
      end: '2027-06-30',
    });
    expect(periodContaining('year', '2027-05-20')).toEqual({
      start: '2027-01-01',
      end: '2027-12-31',
    });
    expect(periodContaining('quarter', '2026-12-31')).toEqual({
      start: '2026-10-01',
      end: '2026-12-31',
    });
  });

  it('rejects text that is not a date', () => {
    expect(() => periodContaining('month', '2027-02-30')).toThrow(/YYYY-MM-DD/);
  });
});

describe('targetInPeriod', () => {
  const targets = new Map([
    [2026, new Array(12).fill(310_000)],
    [
      2027,
      [
        310_000, 280_000, 310_000, 300_000, 310_000, 300_000, 310_000, 310_000, 300_000, 310_000,
        300_000, 310_000,
      ],
    ],
  ]);

  it('counts partial months pro rata by days across a quarter end', () => {
    const period = { start: '2027-03-15', end: '2027-04-14' };
    expect(monthsInPeriod(period)).toEqual([
      { year: 2027, month: 3, days: 17 },
      { year: 2027, month: 4, days: 14 },
    ]);
    expect(targetInPeriod(targets, period)).toBeCloseTo(170_000 + 140_000, 6);
  });

  it('crosses a year end', () => {
    const period = { start: '2026-12-22', end: '2027-01-10' };
    expect(targetInPeriod(targets, period)).toBeCloseTo(100_000 + 100_000, 6);
  });

  it('counts a year without a plan as 0', () => {
    expect(targetInPeriod(targets, { start: '2028-01-01', end: '2028-01-31' })).toBe(0);
  });
});

/** Monthly targets of 10,000 per calendar day, 2026 to 2028. */
const tenThousandADay = new Map(
  [2026, 2027, 2028].map((year) => [
    year,
    Array.from({ length: 12 }, (_, index) => 10_000 * daysInMonth(year, index + 1)),
  ]),
);

describe('computePace', () => {
  const march = { start: '2027-03-01', end: '2027-03-31' };

  it('expects nothing on the first day of the period', () => {
    const pace = computePace({
      monthlyTargets: tenThousandADay,
      actual: 0,
      period: march,
      asOf: '2027-03-01',
      margin: 0.1,
    });
    expect(pace).toMatchObject({
      elapsedDays: 0,
      remainingDays: 31,
      expected: 0,
      status: 'not-started',
    });
    expect(pace.dailyNeeded).toBe(10_000);
  });

  it('counts the days before today as elapsed and today as remaining', () => {
    const pace = computePace({
      monthlyTargets: tenThousandADay,
      actual: 100_000,
      period: march,
      asOf: '2027-03-16',
      margin: 0.1,
    });
    expect(pace.elapsedDays).toBe(15);
    expect(pace.remainingDays).toBe(16);
    expect(pace.expected).toBe(150_000);
    expect(pace.gap).toBe(50_000);
    expect(pace.dailyNeeded).toBe(210_000 / 16);
    expect(pace.dailyPlanned).toBe(10_000);
    expect(pace.attainment).toBeCloseTo(100_000 / 310_000, 12);
    expect(pace.expectedAttainment).toBeCloseTo(15 / 31, 12);
    expect(pace.status).toBe('behind');
  });

  it('tolerates a shortfall within the margin', () => {
    const within = computePace({
      monthlyTargets: tenThousandADay,
      actual: 135_000,
      period: march,
      asOf: '2027-03-16',
      margin: 0.1,
    });
    expect(within.status).toBe('on-pace');
    expect(within.gap).toBe(15_000);
    const outside = computePace({
      monthlyTargets: tenThousandADay,
      actual: 134_999,
      period: march,
      asOf: '2027-03-16',
      margin: 0.1,
    });
    expect(outside.status).toBe('behind');
    const ahead = computePace({
      monthlyTargets: tenThousandADay,
      actual: 150_000,
      period: march,
      asOf: '2027-03-16',
      margin: 0.1,
    });
    expect(ahead.status).toBe('ahead');
    expect(ahead.gap).toBe(0);
  });

  it('leaves one day on the last day of the period', () => {
    const pace = computePace({
      monthlyTargets: tenThousandADay,
      actual: 290_000,
      period: march,
      asOf: '2027-03-31',
      margin: 0.1,
    });
    expect(pace.remainingDays).toBe(1);
    expect(pace.dailyNeeded).toBe(20_000);
  });

  it('ends the year on December 31 and reports a missed target from January 1', () => {
    const year = { start: '2026-01-01', end: '2026-12-31' };
    const lastDay = computePace({
      monthlyTargets: tenThousandADay,
      actual: 3_000_000,
      period: year,
      asOf: '2026-12-31',
      margin: 0.1,
    });
    expect(lastDay).toMatchObject({ elapsedDays: 364, remainingDays: 1, dailyNeeded: 650_000 });
    const nextDay = computePace({
      monthlyTargets: tenThousandADay,
      actual: 3_000_000,
      period: year,
      asOf: '2027-01-01',
      margin: 0.1,
    });
    expect(nextDay).toMatchObject({
      elapsedDays: 365,
      remainingDays: 0,
      expected: 3_650_000,
      gap: 650_000,
      dailyNeeded: null,
    });
    expect(nextDay.status).toBe('behind');
    const met = computePace({
      monthlyTargets: tenThousandADay,
      actual: 3_650_000,
      period: year,
      asOf: '2027-01-01',
      margin: 0.1,
    });
    expect(met.status).toBe('ended');
  });

  it('uses 29 days for February in a leap year', () => {
    const february = periodContaining('month', '2028-02-10');
    expect(periodDays(february)).toBe(29);
    const pace = computePace({
      monthlyTargets: tenThousandADay,
      actual: 110_000,
      period: february,
      asOf: '2028-02-15',
      margin: 0.1,
    });
    expect(pace).toMatchObject({
      elapsedDays: 14,
      remainingDays: 15,
      expected: 140_000,
      gap: 30_000,
      dailyNeeded: 12_000,
    });
    const common = computePace({
      monthlyTargets: tenThousandADay,
      actual: 0,
      period: periodContaining('month', '2027-02-10'),
      asOf: '2027-03-01',
      margin: 0.1,
    });
    expect(common).toMatchObject({ elapsedDays: 28, remainingDays: 0, expected: 280_000 });
  });

  it('spans a quarter end', () => {
    const period = { start: '2027-03-15', end: '2027-04-14' };
    const pace = computePace({
      monthlyTargets: tenThousandADay,
      actual: 100_000,
      period,
      asOf: '2027-04-01',
      margin: 0,
    });
    expect(pace).toMatchObject({
      totalDays: 31,
      elapsedDays: 17,
      remainingDays: 14,
      expected: 170_000,
      gap: 70_000,
    });
    expect(pace.dailyNeeded).toBeCloseTo(210_000 / 14, 9);
  });

  it('has no status without a target and expects nothing before the period', () => {
    expect(
      computePace({
        monthlyTargets: new Map(),
        actual: 5,
        period: march,
        asOf: '2027-03-10',
        margin: 0.1,
      }).status,
    ).toBe('no-target');
    const early = computePace({
      monthlyTargets: tenThousandADay,
      actual: 0,
      period: march,
      asOf: '2027-02-20',
      margin: 0.1,
    });
    expect(early).toMatchObject({ elapsedDays: 0, remainingDays: 31, status: 'not-started' });
  });

  it('needs nothing more once the target is reached', () => {
    const pace = computePace({
      monthlyTargets: tenThousandADay,
      actual: 400_000,
      period: march,
      asOf: '2027-03-20',
      margin: 0.1,
    });
    expect(pace.dailyNeeded).toBeNull();
    expect(pace.status).toBe('ahead');
  });
});

describe('computePace with months that have no target', () => {
  const onlyJanuary2027 = new Map([[2027, [310_000, ...new Array<number>(11).fill(0)]]]);
  const period = { start: '2026-12-01', end: '2027-01-01' };

  it('expects nothing on days of a year without a plan', () => {
    const pace = computePace({
      monthlyTargets: onlyJanuary2027,
      actual: 0,
      period,
      asOf: '2026-12-05',
      margin: 0.1,
    });
    expect(pace.target).toBeCloseTo(10_000, 9);
    expect(pace.expected).toBe(0);
    expect(pace.gap).toBe(0);
    expect(pace.expectedAttainment).toBe(0);
    expect(pace.status).toBe('not-started');
  });

  it('expects the months target from the first day that carries one', () => {
    const pace = computePace({
      monthlyTargets: onlyJanuary2027,
      actual: 0,
      period: { start: '2026-12-01', end: '2027-01-31' },
      asOf: '2027-01-11',
      margin: 0.1,
    });
    expect(pace.expected).toBeCloseTo(100_000, 6);
    expect(pace.status).toBe('behind');
  });

  it('weights each day by its own month', () => {
    const uneven = new Map([[2027, [310_000, 560_000, ...new Array<number>(10).fill(0)]]]);
    const pace = computePace({
      monthlyTargets: uneven,
      actual: 0,
      period: { start: '2027-01-01', end: '2027-02-28' },
      asOf: '2027-02-04',
      margin: 0,
    });
    // All of January (310,000) and three days of February at 20,000 a day.
    expect(pace.expected).toBeCloseTo(370_000, 6);
  });
});

describe('computePace daily amount needed', () => {
  it('skips the remaining days of a month without a target', () => {
    // 00:30 on 26 January 2027 in Shanghai is still 25 January in UTC.
    const asOf = dateInTimeZone(Date.UTC(2027, 0, 25, 16, 30), 'Asia/Shanghai');
    expect(asOf).toBe('2027-01-26');
    const januaryOnly = new Map([[2027, [310_000, ...new Array<number>(11).fill(0)]]]);
    const pace = computePace({
      monthlyTargets: januaryOnly,
      actual: 100_000,
      period: { start: '2027-01-16', end: '2027-02-15' },
      asOf,
      margin: 0.1,
    });
    expect(pace.target).toBeCloseTo(160_000, 6);
    expect(pace.remainingDays).toBe(21);
    expect(pace.remainingTargetDays).toBe(6);
    // 60,000 still missing over 26–31 January; February expects nothing.
    expect(pace.dailyNeeded).toBeCloseTo(10_000, 6);
  });

  it('skips the days of a year without a plan', () => {
    // 00:00 on 20 December 2026 in Shanghai is 16:00 on 19 December in UTC.
    const asOf = dateInTimeZone(Date.UTC(2026, 11, 19, 16, 0), 'Asia/Shanghai');
    expect(asOf).toBe('2026-12-20');
    const only2027 = new Map([[2027, new Array<number>(12).fill(310_000)]]);
    const pace = computePace({
      monthlyTargets: only2027,
      actual: 0,
      period: { start: '2026-12-01', end: '2027-01-31' },
      asOf,
      margin: 0.1,
    });
    expect(pace.remainingDays).toBe(43);
    expect(pace.remainingTargetDays).toBe(31);
    expect(pace.dailyNeeded).toBeCloseTo(10_000, 6);
  });

  it('counts every remaining day when each month has a target', () => {
    const pace = computePace({
      monthlyTargets: new Map([
        [2026, new Array<number>(12).fill(310_000)],
        [2027, new Array<number>(12).fill(310_000)],
      ]),
      actual: 0,
      period: { start: '2026-12-01', end: '2027-01-31' },
      asOf: '2026-12-20',
      margin: 0.1,
    });
    expect(pace.remainingTargetDays).toBe(43);
    expect(pace.dailyNeeded).toBeCloseTo(620_000 / 43, 6);
  });

  it('needs nothing per day once no remaining day has a target', () => {
    const pace = computePace({
      monthlyTargets: new Map([[2027, [310_000, ...new Array<number>(11).fill(0)]]]),
      actual: 0,
      period: { start: '2027-01-01', end: '2027-02-28' },
      asOf: '2027-02-10',
      margin: 0.1,
    });
    expect(pace.remainingDays).toBe(19);
    expect(pace.remainingTargetDays).toBe(0);
    expect(pace.dailyNeeded).toBeNull();
    expect(pace.status).toBe('behind');
  });
});

describe('computePace properties', () => {
  const dayArbitrary = fc.integer({
    min: toDayNumber('2025-11-01'),
    max: toDayNumber('2028-02-28'),
  });
  const monthsArbitrary = fc.array(fc.integer({ min: 0, max: 1_000_000 }), {
    minLength: 12,
    maxLength: 12,
  });
  const targetsArbitrary = fc
    .tuple(monthsArbitrary, monthsArbitrary, monthsArbitrary, fc.boolean())
    .map(([a, b, c, skipMiddle]) => {
      const byYear = new Map([
        [2026, a],
        [2027, b],
        [2028, c],
      ]);
      if (skipMiddle) byYear.delete(2027);
      return byYear;
    });
  const inputArbitrary = fc
    .tuple(dayArbitrary, fc.integer({ min: 0, max: 500 }), fc.integer({ min: -20, max: 540 }))
    .map(([start, length, offset]) => ({
      period: { start: fromDayNumber(start), end: fromDayNumber(start + length) },
      asOf: fromDayNumber(start + offset),
    }));

  it('expects the sum of the elapsed days, each at its month target over its month length', () => {
    fc.assert(
      fc.property(targetsArbitrary, inputArbitrary, (targets, { period, asOf }) => {
        const pace = computePace({ monthlyTargets: targets, actual: 0, period, asOf, margin: 0 });
        let byDay = 0;
        const startDay = toDayNumber(period.start);
        for (let day = startDay; day < startDay + pace.elapsedDays; day++) {
          const date = fromDayNumber(day);
          const [year, month] = date.split('-').map(Number) as [number, number];
          byDay += (targets.get(year)?.[month - 1] ?? 0) / daysInMonth(year, month);
        }
        expect(pace.expected).toBeCloseTo(byDay, 4);
        expect(pace.expected).toBeLessThanOrEqual(pace.target);
        if (pace.remainingDays === 0) expect(pace.expected).toBe(pace.target);
        if (pace.expected === 0 && pace.target > 0) expect(pace.status).toBe('not-started');
      }),
      { seed: 20_261_205, numRuns: 300 },
    );
  });

  it('never expects less on a later day', () => {
    fc.assert(
      fc.property(targetsArbitrary, inputArbitrary, (targets, { period, asOf }) => {
        const today = computePace({ monthlyTargets: targets, actual: 0, period, asOf, margin: 0 });
        const tomorrow = computePace({
          monthlyTargets: targets,
          actual: 0,
          period,
          asOf: fromDayNumber(toDayNumber(asOf) + 1),
          margin: 0,
        });
        expect(tomorrow.expected).toBeGreaterThanOrEqual(today.expected - 1e-6);
      }),
      { seed: 72_027, numRuns: 300 },
    );
  });
});
