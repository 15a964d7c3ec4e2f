import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  countDaysInclusive,
  dateInTimeZone,
  daysInMonth,
  daysInYear,
  fromDayNumber,
  isLeapYear,
  isValidTimeZone,
  parseCivilDate,
  toDayNumber,
} from './civil-date';

describe('civil dates', () => {
  it('knows leap years by the Gregorian rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(2027)).toBe(false);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInYear(2028)).toBe(366);
  });

  it('rejects dates that do not exist', () => {
    expect(parseCivilDate('2027-02-29')).toBeNull();
    expect(parseCivilDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseCivilDate('2027-13-01')).toBeNull();
    expect(parseCivilDate('2027-1-1')).toBeNull();
    expect(() => toDayNumber('2027-04-31')).toThrow(/YYYY-MM-DD/);
  });

  it('steps over month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('counts days with both ends included', () => {
    expect(countDaysInclusive('2026-12-31', '2027-01-01')).toBe(2);
    expect(countDaysInclusive('2028-02-01', '2028-02-29')).toBe(29);
    expect(countDaysInclusive('2027-03-15', '2027-04-14')).toBe(31);
    expect(countDaysInclusive('2027-01-02', '2027-01-01')).toBe(0);
  });

  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), (dayNumber) => {
        expect(toDayNumber(fromDayNumber(dayNumber))).toBe(dayNumber);
      }),
    );
  });
});

describe('dateInTimeZone', () => {
  it('moves an evening UTC instant to the next day in Shanghai', () => {
    const instant = Date.parse('2026-12-31T16:00:00Z');
    expect(dateInTimeZone(instant, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(dateInTimeZone(instant, 'UTC')).toBe('2026-12-31');
    expect(dateInTimeZone(Date.parse('2026-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-12-31');
  });

  it('defaults to Asia/Shanghai', () => {
    expect(dateInTimeZone(Date.parse('2028-02-28T16:30:00Z'))).toBe('2028-02-29');
  });

  it('recognises IANA zone names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
