/**
 * Calendar dates without a time of day (`YYYY-MM-DD`), as a sales calendar
 * counts them. Arithmetic runs on day numbers (days since 1970-01-01 of the
 * proleptic Gregorian calendar) computed with UTC functions, so the host's
 * own time zone never shifts a date. Instants (epoch milliseconds, ISO text
 * with an offset) become calendar dates only through `dateInTimeZone`.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type CivilDate = string;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;
const CIVIL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month (1–12) and day of month. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Returns the parts of a valid `YYYY-MM-DD` date, or null for anything else (such as 2027-02-29). */
export function parseCivilDate(text: string): DateParts | null {
  const match = CIVIL_DATE_PATTERN.exec(text);
  if (!match) return null;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCivilDate(text: string): boolean {
  return parseCivilDate(text) !== null;
}

/** Formats parts as `YYYY-MM-DD`. The parts must form a valid date. */
export function formatCivilDate({ year, month, day }: DateParts): CivilDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Returns the day number of a date; throws on text that is not a valid `YYYY-MM-DD` date. */
export function toDayNumber(date: CivilDate): number {
  const parts = parseCivilDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return dayNumberOf(parts);
}

export function dayNumberOf({ year, month, day }: DateParts): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return formatCivilDate({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Number of calendar days from `start` to `end`, both counted; 0 when `end` is before `start`. */
export function countDaysInclusive(start: CivilDate, end: CivilDate): number {
  return Math.max(0, toDayNumber(end) - toDayNumber(start) + 1);
}

export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function firstDayOfMonth(year: number, month: number): CivilDate {
  return formatCivilDate({ year, month, day: 1 });
}

export function lastDayOfMonth(year: number, month: number): CivilDate {
  return formatCivilDate({ year, month, day: daysInMonth(year, month) });
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown IANA zone name.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hourCycle: 'h23',
    });
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Returns true when this runtime's Intl supports `timeZone` as an IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Returns the calendar date of an instant (epoch milliseconds) in an IANA time zone. */
export function dateInTimeZone(epochMs: number, timeZone: string = DEFAULT_TIME_ZONE): CivilDate {
  const parts = zoneFormatter(timeZone).formatToParts(new Date(epochMs));
  const read = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return formatCivilDate({ year: read('year'), month: read('month'), day: read('day') });
}
