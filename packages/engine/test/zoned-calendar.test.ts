import { describe, expect, it } from 'vitest';
import {
  createZonedCalendar,
  dayNumberOfDate,
  dayNumberOfWeek,
  isValidTimeZone,
  periodsOfDay,
} from '../src/time/zoned-calendar.js';

const shanghai = createZonedCalendar('Asia/Shanghai');

describe('isValidTimeZone', () => {
  it.each(['Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['Asia/Beijing', 'China', '', '  ', 8, null])('rejects %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('parseTime', () => {
  it.each([
    ['2024-05-02T07:30:00+08:00', '2024-05-01T23:30:00.000Z'],
    ['2024-05-02T07:30:00+0800', '2024-05-01T23:30:00.000Z'],
    ['2024-05-02T07:30+08', '2024-05-01T23:30:00.000Z'],
    ['2024-05-01T23:30:00Z', '2024-05-01T23:30:00.000Z'],
    ['2024-05-01T23:30:00.250Z', '2024-05-01T23:30:00.250Z'],
    ['2024-05-02T07:30:00-05:00', '2024-05-02T12:30:00.000Z'],
  ])('reads %s with its own offset', (text, iso) => {
    expect(new Date(shanghai.parseTime(text) ?? NaN).toISOString()).toBe(iso);
  });

  it.each([
    ['2024-05-02T07:30:00', '2024-05-01T23:30:00.000Z'],
    ['2024-05-02 07:30:00', '2024-05-01T23:30:00.000Z'],
    ['2024-05-02 07:30', '2024-05-01T23:30:00.000Z'],
    ['2024-05-02', '2024-05-01T16:00:00.000Z'],
    ['2024/05/02', '2024-05-01T16:00:00.000Z'],
    ['2024/5/2 7:30', '2024-05-01T23:30:00.000Z'],
    [' 2024-05-02 07:30:00 ', '2024-05-01T23:30:00.000Z'],
  ])('reads %s as local time in the zone', (text, iso) => {
    expect(new Date(shanghai.parseTime(text) ?? NaN).toISOString()).toBe(iso);
  });

  it.each([
    '',
    'yesterday',
    '2024-13-01',
    '2024-02-30',
    '2023-02-29',
    '2024-05-02 24:00',
    '2024-05-02 10:60',
    '02/05/2024',
    '2024-05-02Z',
    '0099-01-01',
    '1714608000000',
  ])('rejects %j', (text) => {
    expect(shanghai.parseTime(text)).toBeNull();
  });

  it('accepts the leap day of a leap year', () => {
    expect(shanghai.parseTime('2024-02-29')).not.toBeNull();
  });

  it('uses the offset in force on the date in a zone with daylight saving', () => {
    const newYork = createZonedCalendar('America/New_York');

    expect(new Date(newYork.parseTime('2024-07-01 12:00') ?? NaN).toISOString()).toBe(
      '2024-07-01T16:00:00.000Z',
    );
    expect(new Date(newYork.parseTime('2024-01-15 12:00') ?? NaN).toISOString()).toBe(
      '2024-01-15T17:00:00.000Z',
    );
  });
});

describe('periodsAt', () => {
  it('starts the local day at midnight in the zone, not in UTC', () => {
    const lateLocal = Date.parse('2024-05-01T23:30:00+08:00');
    const earlyNextDay = Date.parse('2024-05-02T07:30:00+08:00');

    expect(shanghai.periodsAt(lateLocal).day).toBe('2024-05-01');
    expect(shanghai.periodsAt(earlyNextDay).day).toBe('2024-05-02');
  });

  it('keys the week by ISO year and week, starting on Monday', () => {
    const sunday = Date.parse('2024-05-05T23:59:00+08:00');
    const monday = Date.parse('2024-05-06T00:00:00+08:00');

    expect(shanghai.periodsAt(sunday).week).toBe('2024-W18');
    expect(shanghai.periodsAt(monday).week).toBe('2024-W19');
  });

  it('puts the first days of January in the last week of the previous ISO year', () => {
    expect(shanghai.periodsAt(Date.parse('2021-01-03T12:00:00+08:00')).week).toBe('2020-W53');
    expect(shanghai.periodsAt(Date.parse('2024-12-30T12:00:00+08:00')).week).toBe('2025-W01');
  });

  it('keys the month by local month', () => {
    expect(shanghai.periodsAt(Date.parse('2024-04-30T16:30:00Z')).month).toBe('2024-05');
  });

  it('returns the same object for instants on the same local day', () => {
    const morning = shanghai.periodsAt(Date.parse('2024-05-02T08:00:00+08:00'));
    const evening = shanghai.periodsAt(Date.parse('2024-05-02T22:00:00+08:00'));

    expect(evening).toBe(morning);
  });
});

describe('day numbers', () => {
  it('converts a date to its day number and back', () => {
    const dayNumber = dayNumberOfDate('2024-05-02');

    expect(periodsOfDay(dayNumber).day).toBe('2024-05-02');
  });

  it('finds the Monday of an ISO week', () => {
    expect(periodsOfDay(dayNumberOfWeek('2024-W18')).day).toBe('2024-04-29');
    expect(periodsOfDay(dayNumberOfWeek('2020-W53')).day).toBe('2020-12-28');
    expect(periodsOfDay(dayNumberOfWeek('2025-W01')).day).toBe('2024-12-30');
  });
});
