/**
 * Pace: how much of a period's target a rep should have reached by the date
 * the dashboard treats as today, and what it takes to catch up.
 *
 * Days are calendar days. The days before today have elapsed; today and the
 * days after it up to the period's last day remain. So on the first day of a
 * month nothing is expected yet, and on its last day one day remains.
 *
 * Targets come by month. The expected amount sums, over the elapsed days,
 * each day's month target divided by that month's days. A day of a month
 * without a target expects nothing, so a period that starts before its plan
 * is not behind on those days. The amount needed per day is what is
 * still missing of the whole target, divided by the remaining days whose
 * month has a target. Days that expect nothing add nothing to the expected
 * amount, so they do not count as days to catch up on either.
 */
import { type CivilDate, fromDayNumber, toDayNumber } from '../targets';
import { monthsInPeriod, type Period, periodDays, targetInPeriod } from './period';

export type PaceStatus = 'no-target' | 'not-started' | 'ahead' | 'on-pace' | 'behind' | 'ended';

/** Monthly targets by year: twelve values per year, January first. */
export type MonthlyTargets = ReadonlyMap<number, readonly number[]>;

export interface Pace {
  totalDays: number;
  elapsedDays: number;
  /** Today included. */
  remainingDays: number;
  /** Number of remaining days (today included) whose month has a target above 0. */
  remainingTargetDays: number;
  target: number;
  actual: number;
  /** The monthly targets of the elapsed days, each month pro rata by calendar day. */
  expected: number;
  /** Actual ÷ target; null without a target. */
  attainment: number | null;
  /** Expected ÷ target. */
  expectedAttainment: number | null;
  /** Expected − actual when behind the expected amount, else 0. */
  gap: number;
  /**
   * (Target − actual) ÷ remaining days with a target; null when no such day
   * remains or the target is reached.
   */
  dailyNeeded: number | null;
  /** Target ÷ days in the period: the amount per day of an even pace. */
  dailyPlanned: number;
  status: PaceStatus;
}

/** The days of `period` before `asOf`; null when none has elapsed. */
export function elapsedPart(period: Period, asOf: CivilDate): Period | null {
  const startDay = toDayNumber(period.start);
  const lastElapsed = Math.min(toDayNumber(period.end), toDayNumber(asOf) - 1);
  if (lastElapsed < startDay) return null;
  return { start: period.start, end: fromDayNumber(lastElapsed) };
}

/** Returns the days of `period` from `asOf` on, or null when none remains. */
export function remainingPart(period: Period, asOf: CivilDate): Period | null {
  const firstRemaining = Math.max(toDayNumber(period.start), toDayNumber(asOf));
  if (firstRemaining > toDayNumber(period.end)) return null;
  return { start: fromDayNumber(firstRemaining), end: period.end };
}

/** Counts the days of `period` whose month has a target above 0. */
export function daysWithTarget(monthlyTargets: MonthlyTargets, period: Period): number {
  let days = 0;
  for (const month of monthsInPeriod(period)) {
    if ((monthlyTargets.get(month.year)?.[month.month - 1] ?? 0) > 0) days += month.days;
  }
  return days;
}

/** Adds monthly targets year by year, month by month. */
export function addMonthlyTargets(parts: readonly MonthlyTargets[]): Map<number, number[]> {
  const sums = new Map<number, number[]>();
  for (const part of parts) {
    for (const [year, months] of part) {
      const into = sums.get(year) ?? new Array<number>(12).fill(0);
      months.forEach((value, month) => {
        into[month] = (into[month] ?? 0) + value;
      });
      sums.set(year, into);
    }
  }
  return sums;
}

/**
 * Computes pace for a period as of a date. A rep is `behind` when the actual
 * is below the expected amount by more than `margin` of the expected amount
 * (margin 0.1: below 90 % of the expected amount). While nothing is expected
 * yet (no day elapsed, or only days without a target), the status is
 * `not-started`.
 */
export function computePace(input: {
  monthlyTargets: MonthlyTargets;
  actual: number;
  period: Period;
  asOf: CivilDate;
  margin: number;
}): Pace {
  const { monthlyTargets, actual, period, asOf, margin } = input;
  const totalDays = periodDays(period);
  const elapsed = elapsedPart(period, asOf);
  const elapsedDays = elapsed ? periodDays(elapsed) : 0;
  const remainingDays = totalDays - elapsedDays;
  const remaining = remainingPart(period, asOf);
  const remainingTargetDays = remaining ? daysWithTarget(monthlyTargets, remaining) : 0;
  const target = targetInPeriod(monthlyTargets, period);
  // When the whole period has elapsed the expected amount is the target itself, not a
  // second sum of the same fractions that could differ from it in the last bit.
  let expected = 0;
  if (elapsed && remainingDays === 0) expected = target;
  else if (elapsed) expected = Math.min(target, targetInPeriod(monthlyTargets, elapsed));
  const missing = Math.max(0, target - actual);

  const base = {
    totalDays,
    elapsedDays,
    remainingDays,
    remainingTargetDays,
    target,
    actual,
    expected,
    attainment: target > 0 ? actual / target : null,
    expectedAttainment: target > 0 ? expected / target : null,
    gap: Math.max(0, expected - actual),
    dailyNeeded: remainingTargetDays > 0 && missing > 0 ? missing / remainingTargetDays : null,
    dailyPlanned: totalDays > 0 ? target / totalDays : 0,
  };

  if (!(target > 0)) return { ...base, status: 'no-target' };
  if (!(expected > 0)) return { ...base, status: 'not-started' };

  const behind = actual < expected * (1 - margin);
  if (remainingDays === 0) return { ...base, status: behind ? 'behind' : 'ended' };
  if (behind) return { ...base, status: 'behind' };
  return { ...base, status: actual >= expected ? 'ahead' : 'on-pace' };
}
