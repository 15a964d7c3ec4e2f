/**
 * Reporting periods (inclusive ranges of calendar days) and the part of a
 * plan's monthly targets that falls in a period.
 */
import {
  type CivilDate,
  countDaysInclusive,
  daysInMonth,
  firstDayOfMonth,
  formatCivilDate,
  lastDayOfMonth,
  parseCivilDate,
  toDayNumber,
} from '../targets';

/** An inclusive range of calendar days. */
export interface Period {
  start: CivilDate;
  end: CivilDate;
}

export type PeriodKind = 'month' | 'quarter' | 'year';

/** Returns the month, quarter or year that contains `date`. */
export function periodContaining(kind: PeriodKind, date: CivilDate): Period {
  const parts = parseCivilDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  const { year, month } = parts;

  if (kind === 'month')
    return { start: firstDayOfMonth(year, month), end: lastDayOfMonth(year, month) };
  if (kind === 'quarter') {
    const first = Math.floor((month - 1) / 3) * 3 + 1;
    return { start: firstDayOfMonth(year, first), end: lastDayOfMonth(year, first + 2) };
  }
  return {
    start: formatCivilDate({ year, month: 1, day: 1 }),
    end: formatCivilDate({ year, month: 12, day: 31 }),
  };
}

export function periodDays(period: Period): number {
  return countDaysInclusive(period.start, period.end);
}

/** Returns true when the day number lies in the period. */
export function containsDay(period: Period, dayNumber: number): boolean {
  return dayNumber >= toDayNumber(period.start) && dayNumber <= toDayNumber(period.end);
}

/** The months (year and month 1–12) a period touches, with the days of each inside it. */
export function monthsInPeriod(period: Period): { year: number; month: number; days: number }[] {
  const start = parseCivilDate(period.start);
  const end = parseCivilDate(period.end);
  if (!start || !end || toDayNumber(period.end) < toDayNumber(period.start)) return [];

  const months: { year: number; month: number; days: number }[] = [];
  for (
    let year = start.year, month = start.month;
    year < end.year || (year === end.year && month <= end.month);
  ) {
    const from =
      year === start.year && month === start.month ? period.start : firstDayOfMonth(year, month);
    const to = year === end.year && month === end.month ? period.end : lastDayOfMonth(year, month);
    months.push({ year, month, days: countDaysInclusive(from, to) });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/**
 * Target of one row for a period, from monthly targets by year (twelve
 * values per year). A month partly inside the period counts pro rata by
 * calendar days: 10 days of a 31-day month with a target of 310,000 count
 * 100,000. Months of a year without a plan count 0.
 */
export function targetInPeriod(
  monthlyByYear: ReadonlyMap<number, readonly number[]>,
  period: Period,
): number {
  let target = 0;
  for (const { year, month, days } of monthsInPeriod(period)) {
    const monthTarget = monthlyByYear.get(year)?.[month - 1] ?? 0;
    target += (monthTarget * days) / daysInMonth(year, month);
  }
  return target;
}
