/**
 * Which part of each month a rep is employed.
 *
 * Targets follow employment pro rata by calendar days, not whole months: a
 * rep who starts on 16 March is employed 16 of March's 31 days and carries
 * 16/31 of a full-time rep's share of March. Whole months would hand a rep
 * who starts on 31 March either a full March or nothing; days keep the
 * target in step with the time the rep can actually sell. Start and end
 * dates are inclusive.
 */
import {
  type CivilDate,
  countDaysInclusive,
  daysInMonth,
  firstDayOfMonth,
  lastDayOfMonth,
  toDayNumber,
} from './civil-date';

/** Employment dates of a rep; a missing start or end means unbounded on that side. */
export interface EmploymentWindow {
  employmentStart?: CivilDate;
  employmentEnd?: CivilDate;
}

/** Number of days of `month` (1–12) inside the employment window. */
export function activeDaysInMonth(year: number, month: number, window: EmploymentWindow): number {
  const monthStart = firstDayOfMonth(year, month);
  const monthEnd = lastDayOfMonth(year, month);

  const start =
    window.employmentStart && toDayNumber(window.employmentStart) > toDayNumber(monthStart)
      ? window.employmentStart
      : monthStart;
  const end =
    window.employmentEnd && toDayNumber(window.employmentEnd) < toDayNumber(monthEnd)
      ? window.employmentEnd
      : monthEnd;

  return countDaysInclusive(start, end);
}

/** Share of each month of `year` (twelve values from 0 to 1) inside the employment window. */
export function activeMonthFractions(year: number, window: EmploymentWindow): number[] {
  if (!window.employmentStart && !window.employmentEnd) return new Array<number>(12).fill(1);
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    return activeDaysInMonth(year, month, window) / daysInMonth(year, month);
  });
}
