import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { dateInTimeZone, DEFAULT_TIME_ZONE, isCivilDate, type CivilDate } from '../targets';
import { periodContaining, type Period, type PeriodKind } from './period';

export type PeriodChoice = PeriodKind | 'custom';

/** The dashboard's view, kept in the address so it can be bookmarked, shared and set by tests. */
export interface DashboardView {
  /** The date treated as today (`asOf`); the real date in the workspace zone when absent. */
  asOf: CivilDate;
  periodChoice: PeriodChoice;
  period: Period;
  team: string | null;
  leadSources: string[];
  /**
   * The custom period's dates as the user entered them, shown in the date
   * inputs even when they are not a period, so that no input is lost.
   */
  customInput: { from: string; to: string } | null;
  /** True when the custom period ends before it starts; `period` is then the month of `asOf`. */
  endBeforeStart: boolean;
}

const PERIOD_CHOICES: readonly PeriodChoice[] = ['month', 'quarter', 'year', 'custom'];

/**
 * Reads the view from the address's parameters. Without `asOf`, today is
 * the calendar date of `now` (epoch milliseconds) in `timeZone`, so the
 * default month, quarter and year are those of the workspace time zone.
 */
export function readDashboardView(
  params: URLSearchParams,
  timeZone: string = DEFAULT_TIME_ZONE,
  now: number = Date.now(),
): DashboardView {
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && isCivilDate(asOfParam) ? asOfParam : dateInTimeZone(now, timeZone);
  const choiceParam = params.get('period') as PeriodChoice | null;
  const periodChoice = choiceParam && PERIOD_CHOICES.includes(choiceParam) ? choiceParam : 'month';

  let period = periodContaining(periodChoice === 'custom' ? 'month' : periodChoice, asOf);
  const from = params.get('from');
  const to = params.get('to');
  const datesValid = Boolean(from && to && isCivilDate(from) && isCivilDate(to));
  const custom = periodChoice === 'custom' && datesValid;
  if (custom && from && to && from <= to) period = { start: from, end: to };

  return {
    asOf,
    periodChoice,
    period,
    team: params.get('team'),
    leadSources: params.getAll('source'),
    customInput: custom && from && to ? { from, to } : null,
    endBeforeStart: custom && Boolean(from && to && to < from),
  };
}

/**
 * Reads and writes the view in the URL: `asOf`, `period`
 * (month | quarter | year | custom), `from` and `to` for a custom period,
 * `team` and repeated `source`.
 */
export function useDashboardView(
  timeZone: string = DEFAULT_TIME_ZONE,
): [DashboardView, (patch: Partial<Record<string, string | string[] | null>>) => void] {
  const [params, setParams] = useSearchParams();

  const view = useMemo(() => readDashboardView(params, timeZone), [params, timeZone]);

  const update = useCallback(
    (patch: Partial<Record<string, string | string[] | null>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            next.delete(key);
            if (Array.isArray(value)) value.forEach((item) => next.append(key, item));
            else if (value !== null && value !== undefined) next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [view, update];
}
