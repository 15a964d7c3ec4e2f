/**
 * Pace: how much of a period's target a rep should have reached by the date
 * the dashboard treats as today, and what it takes to catch up.
 *
 * Days are calendar days. The days before today have elapsed; today and the
 * days after it up to the period's last day remain. So on the first day of a
 * month nothing is expected yet, and on its last day one day remains. The
 * expected amount is the target pro rata by elapsed days; the amount needed
 * per day is what is still missing of the whole target, divided by the
 * remaining days.
 */
import { type CivilDate, toDayNumber } from '../targets';
import { type Period, periodDays } from './period';

export type PaceStatus = 'no-target' | 'not-started' | 'ahead' | 'on-pace' | 'behind' | 'ended';

export interface Pace {
  totalDays: number;
  elapsedDays: number;
  /** Today included. */
  remainingDays: number;
  target: number;
  actual: number;
  /** Target × elapsed days ÷ days in the period. */
  expected: number;
  /** Actual ÷ target; null without a target. */
  attainment: number | null;
  /** Expected ÷ target. */
  expectedAttainment: number | null;
  /** Expected − actual when behind the expected amount, else 0. */
  gap: number;
  /** (Target − actual) ÷ remaining days; null when no day remains or the target is reached. */
  dailyNeeded: number | null;
  /** Target ÷ days in the period: the amount per day of an even pace. */
  dailyPlanned: number;
  status: PaceStatus;
}

/**
 * Computes pace for a period as of a date. A rep is `behind` when the actual
 * is below the expected amount by more than `margin` of the expected amount
 * (margin 0.1: below 90 % of the expected amount).
 */
export function computePace(input: {
  target: number;
  actual: number;
  period: Period;
  asOf: CivilDate;
  margin: number;
}): Pace {
  const { target, actual, period, asOf, margin } = input;
  const totalDays = periodDays(period);
  const elapsedDays = Math.min(
    totalDays,
    Math.max(0, toDayNumber(asOf) - toDayNumber(period.start)),
  );
  const remainingDays = totalDays - elapsedDays;
  const expected = totalDays > 0 ? (target * elapsedDays) / totalDays : 0;
  const missing = Math.max(0, target - actual);

  const base = {
    totalDays,
    elapsedDays,
    remainingDays,
    target,
    actual,
    expected,
    attainment: target > 0 ? actual / target : null,
    expectedAttainment: target > 0 ? expected / target : null,
    gap: Math.max(0, expected - actual),
    dailyNeeded: remainingDays > 0 && missing > 0 ? missing / remainingDays : null,
    dailyPlanned: totalDays > 0 ? target / totalDays : 0,
  };

  if (!(target > 0)) return { ...base, status: 'no-target' };
  if (elapsedDays === 0) return { ...base, status: 'not-started' };

  const behind = actual < expected * (1 - margin);
  if (remainingDays === 0) return { ...base, status: behind ? 'behind' : 'ended' };
  if (behind) return { ...base, status: 'behind' };
  return { ...base, status: actual >= expected ? 'ahead' : 'on-pace' };
}
