import { dayNumberOfDate, dayNumberOfWeek } from '../time/zoned-calendar.js';

/**
 * Days of counters kept before the day of `now`: about a quarter, so that
 * leads dated up to three months back by a time field still count against
 * their own day, week and month. Older counters are dropped from the state.
 */
export const COUNTER_RETENTION_DAYS = 92;

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const WEEK_KEY = /^\d{4}-W\d{2}$/;
const MONTH_KEY = /^\d{4}-\d{2}$/;

/**
 * True when the period named by `key` ended before the local day number
 * `cutoffDay`. `total` and keys of an unknown shape never expire.
 */
export function isPeriodExpired(key: string, cutoffDay: number): boolean {
  if (DAY_KEY.test(key)) return dayNumberOfDate(key) < cutoffDay;
  if (WEEK_KEY.test(key)) return dayNumberOfWeek(key) + 6 < cutoffDay;
  if (MONTH_KEY.test(key)) {
    const [year, month] = key.split('-').map(Number);
    const nextMonthStart = Date.UTC(year ?? 1970, month ?? 1, 1) / 86_400_000;
    return nextMonthStart - 1 < cutoffDay;
  }
  return false;
}
