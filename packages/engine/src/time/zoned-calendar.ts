/**
 * Calendar arithmetic in one IANA time zone: parsing allocation times, and the
 * day, ISO week (starting on Monday) and month that an instant falls in.
 * Offsets come from `Intl.DateTimeFormat` and are cached per 15-minute bucket
 * of UTC time, and period keys are cached per local day. A million leads at
 * scattered times therefore cost a few Map look-ups each.
 *
 * NOTE: the bucket assumes that offsets change on a quarter hour, as current
 * zones do. A few historical transitions did not (Liberia in 1972), and times
 * within 15 minutes after one get the offset of the bucket's start.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_BUCKET_MS = 15 * MS_PER_MINUTE;

/** The calendar periods of one local day, with their state keys. */
export interface PeriodContext {
  /** Days since 1970-01-01 in the zone's local calendar. */
  readonly dayNumber: number;
  /** Local date and day key, `YYYY-MM-DD`. */
  readonly day: string;
  /** ISO week key, `YYYY-Www`; weeks start on Monday. */
  readonly week: string;
  /** Month key, `YYYY-MM`. */
  readonly month: string;
}

export interface ZonedCalendar {
  readonly timeZone: string;
  /** Offset of the zone from UTC at an instant, in milliseconds (east positive). */
  offsetAt(epochMs: number): number;
  /** The day, week and month containing an instant. */
  periodsAt(epochMs: number): PeriodContext;
  /**
   * Parses an allocation time: ISO 8601 with or without an offset,
   * `YYYY-MM-DD HH:mm[:ss]`, `YYYY/MM/DD [HH:mm[:ss]]`; a time without an
   * offset is local to the zone. Returns epoch milliseconds, or null for text
   * that is not such a time or names an impossible date.
   */
  parseTime(text: string): number | null;
}

/** True when `timeZone` is an IANA zone name that this runtime's Intl supports. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const TIME_PATTERN =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Creates the calendar of `timeZone`. Throws a RangeError for a zone name that
 * the runtime does not know; check with {@link isValidTimeZone} first.
 */
export function createZonedCalendar(timeZone: string): ZonedCalendar {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetCache = new Map<number, number>();
  const periodCache = new Map<number, PeriodContext>();
  let lastPeriods: PeriodContext | null = null;

  function offsetAt(epochMs: number): number {
    const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
    const cached = offsetCache.get(bucket);
    if (cached !== undefined) return cached;

    const start = bucket * OFFSET_BUCKET_MS;
    const offset = wallClockOf(formatter, start) - start;
    offsetCache.set(bucket, offset);
    return offset;
  }

  function periodsAt(epochMs: number): PeriodContext {
    const dayNumber = Math.floor((epochMs + offsetAt(epochMs)) / MS_PER_DAY);
    if (lastPeriods !== null && lastPeriods.dayNumber === dayNumber) return lastPeriods;

    let periods = periodCache.get(dayNumber);
    if (periods === undefined) {
      periods = periodsOfDay(dayNumber);
      periodCache.set(dayNumber, periods);
    }
    lastPeriods = periods;
    return periods;
  }

  function parseTime(text: string): number | null {
    const match = TIME_PATTERN.exec(text.trim());
    if (match === null) return null;

    const [, yearText, , monthText, dayText, hourText, minuteText, secondText, fraction, zone] =
      match;
    const year = Number(yearText);
    const month = Number(monthText);
    const day = Number(dayText);
    const hour = hourText === undefined ? 0 : Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    const second = secondText === undefined ? 0 : Number(secondText);
    const millisecond = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
    // Date.UTC reads years 0 to 99 as 1900 to 1999, and no lead is that old.
    if (year < 1000) return null;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    if (hour > 23 || minute > 59 || second > 59) return null;

    const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    if (zone !== undefined) return wallMs - parseOffset(zone);
    return localToEpoch(wallMs);
  }

  // A local wall-clock time maps to the instant whose offset, applied to it,
  // gives the wall time back. Two rounds settle it except in a gap or an
  // overlap of a daylight-saving change, where the earlier offset wins.
  function localToEpoch(wallMs: number): number {
    const firstOffset = offsetAt(wallMs);
    const guess = wallMs - firstOffset;
    const secondOffset = offsetAt(guess);
    return secondOffset === firstOffset ? guess : wallMs - secondOffset;
  }

  return { timeZone, offsetAt, periodsAt, parseTime };
}

/** Builds the period keys of a local day number. */
export function periodsOfDay(dayNumber: number): PeriodContext {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = formatDate(year, month, date.getUTCDate());

  // ISO week: the week belongs to the year of its Thursday.
  const weekday = (((dayNumber + 3) % 7) + 7) % 7; // 0 = Monday; 1970-01-01 was a Thursday
  const thursday = new Date((dayNumber - weekday + 3) * MS_PER_DAY);
  const weekYear = thursday.getUTCFullYear();
  const yearStart = Date.UTC(weekYear, 0, 1) / MS_PER_DAY;
  const week = Math.floor((dayNumber - weekday + 3 - yearStart) / 7) + 1;

  return {
    dayNumber,
    day,
    week: `${pad(weekYear, 4)}-W${pad(week, 2)}`,
    month: `${pad(year, 4)}-${pad(month, 2)}`,
  };
}

/** Local day number of a `YYYY-MM-DD` date. */
export function dayNumberOfDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / MS_PER_DAY;
}

/** Local day number of the Monday of an ISO week key `YYYY-Www`. */
export function dayNumberOfWeek(weekKey: string): number {
  const year = Number(weekKey.slice(0, 4));
  const week = Number(weekKey.slice(6));
  const january4 = Date.UTC(year, 0, 4) / MS_PER_DAY;
  const weekday = (((january4 + 3) % 7) + 7) % 7;
  return january4 - weekday + (week - 1) * 7;
}

function wallClockOf(formatter: Intl.DateTimeFormat, epochMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
}

function parseOffset(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * MS_PER_MINUTE;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
