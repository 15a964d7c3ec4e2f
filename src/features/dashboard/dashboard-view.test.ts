import { describe, expect, it } from 'vitest';
import { readDashboardView } from './useDashboardQuery';

// 2027-01-01 03:00 UTC: 11:00 on New Year's Day in Shanghai, 19:00 on New Year's Eve in Los Angeles.
const NEW_YEAR_MORNING_UTC = Date.UTC(2027, 0, 1, 3);
// 2027-04-01 02:00 UTC: 10:00 on 1 April in Shanghai, 22:00 on 31 March in New York.
const APRIL_FIRST_UTC = Date.UTC(2027, 3, 1, 2);

function view(query: string, timeZone: string, now: number) {
  return readDashboardView(new URLSearchParams(query), timeZone, now);
}

describe('readDashboardView', () => {
  it('takes today in America/Los_Angeles, still in the old year', () => {
    expect(view('', 'America/Los_Angeles', NEW_YEAR_MORNING_UTC)).toMatchObject({
      asOf: '2026-12-31',
      period: { start: '2026-12-01', end: '2026-12-31' },
    });
    expect(view('period=quarter', 'America/Los_Angeles', NEW_YEAR_MORNING_UTC).period).toEqual({
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(view('period=year', 'America/Los_Angeles', NEW_YEAR_MORNING_UTC).period).toEqual({
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('takes the same instant as New Year’s Day in Asia/Shanghai', () => {
    expect(view('period=year', 'Asia/Shanghai', NEW_YEAR_MORNING_UTC)).toMatchObject({
      asOf: '2027-01-01',
      period: { start: '2027-01-01', end: '2027-12-31' },
    });
  });

  it('keeps 31 March evening in March in New York', () => {
    expect(view('', 'America/New_York', APRIL_FIRST_UTC)).toMatchObject({
      asOf: '2027-03-31',
      period: { start: '2027-03-01', end: '2027-03-31' },
    });
    expect(view('period=quarter', 'America/New_York', APRIL_FIRST_UTC).period).toEqual({
      start: '2027-01-01',
      end: '2027-03-31',
    });
    expect(view('period=quarter', 'Asia/Shanghai', APRIL_FIRST_UTC).period).toEqual({
      start: '2027-04-01',
      end: '2027-06-30',
    });
  });

  it('uses the asOf parameter whatever the zone', () => {
    expect(view('asOf=2027-03-16', 'America/New_York', APRIL_FIRST_UTC).asOf).toBe('2027-03-16');
  });

  it('keeps a custom period that ends before it starts and flags it', () => {
    const read = view(
      'period=custom&from=2027-03-20&to=2027-03-05&asOf=2027-03-16',
      'Asia/Shanghai',
      APRIL_FIRST_UTC,
    );

    expect(read.customInput).toEqual({ from: '2027-03-20', to: '2027-03-05' });
    expect(read.endBeforeStart).toBe(true);
    expect(read.period).toEqual({ start: '2027-03-01', end: '2027-03-31' });
  });

  it('reads a custom period in order', () => {
    const read = view(
      'period=custom&from=2027-03-05&to=2027-03-20',
      'Asia/Shanghai',
      APRIL_FIRST_UTC,
    );

    expect(read.endBeforeStart).toBe(false);
    expect(read.period).toEqual({ start: '2027-03-05', end: '2027-03-20' });
  });
});
