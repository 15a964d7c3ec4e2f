/**
 * Numbers behind the dashboard's charts. Each function returns plain rows
 * that the screen draws as a chart and also shows, and exports, as a table.
 */
import { fromDayNumber, toDayNumber, type TargetUnit } from '../targets';
import type { RepMetrics } from './dashboard-metrics';
import type { OutcomeRecord } from './outcome-records';
import { monthsInPeriod, type Period } from './period';

export interface AttainmentRow {
  repId: string;
  name: string;
  /** Percent of the period target reached; null without a target. */
  attainment: number | null;
  /** Percent the calendar expects by today. */
  expected: number | null;
  actual: number;
  target: number;
}

export function attainmentByRep(reps: readonly RepMetrics[]): AttainmentRow[] {
  return reps.map((rep) => ({
    repId: rep.repId,
    name: rep.name,
    attainment: rep.pace.attainment === null ? null : rep.pace.attainment * 100,
    expected: rep.pace.expectedAttainment === null ? null : rep.pace.expectedAttainment * 100,
    actual: rep.pace.actual,
    target: rep.target,
  }));
}

export interface TrendRow {
  /** `YYYY-MM`. */
  month: string;
  target: number;
  /** Null for months that start after today. */
  actual: number | null;
  cumulativeTarget: number;
  cumulativeActual: number | null;
}

/**
 * Monthly actuals against monthly targets over the months a period touches.
 * The targets are the months' whole targets, so a month partly inside the
 * period still shows its full target; actuals count won deals of the whole
 * month up to today.
 */
export function monthlyTrend(input: {
  records: readonly OutcomeRecord[];
  /** Sum of the selected rows' monthly targets, by year. */
  monthlyTargets: ReadonlyMap<number, readonly number[]>;
  period: Period;
  asOf: string;
  unit: TargetUnit;
}): TrendRow[] {
  const { records, monthlyTargets, period, unit } = input;
  const asOfDay = toDayNumber(input.asOf);
  const actualByMonth = new Map<string, number>();

  for (const record of records) {
    const day = record.closedDay ?? record.createdDay;
    if (!record.won || day === null || day > asOfDay) continue;
    const key = fromDayNumber(day).slice(0, 7);
    actualByMonth.set(key, (actualByMonth.get(key) ?? 0) + (unit === 'count' ? 1 : record.amount));
  }

  let cumulativeTarget = 0;
  let cumulativeActual = 0;
  return monthsInPeriod(period).map(({ year, month }): TrendRow => {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const target = monthlyTargets.get(year)?.[month - 1] ?? 0;
    const started = toDayNumber(`${key}-01`) <= asOfDay;
    const actual = started ? (actualByMonth.get(key) ?? 0) : null;
    // Running sums of the whole values the table shows, so they equal the sum of the rows above.
    cumulativeTarget += Math.round(target);
    if (actual !== null) cumulativeActual += Math.round(actual);
    return {
      month: key,
      target,
      actual,
      cumulativeTarget,
      cumulativeActual: started ? cumulativeActual : null,
    };
  });
}

export interface FunnelRow {
  stage: string;
  /** Records now at this stage. */
  count: number;
  /** Records at this stage or a later one in the stage order; lost stages stand alone. */
  reached: number;
  lost: boolean;
}

/**
 * Records created in the period by current stage. Stages follow `stageOrder`
 * (earliest first); stages not in it follow in descending count. Stages
 * listed in `lostStages` are not part of the cumulative chain.
 */
export function funnelByStage(input: {
  records: readonly OutcomeRecord[];
  period: Period;
  stageOrder?: readonly string[];
  lostStages?: readonly string[];
}): FunnelRow[] {
  const { records, period, stageOrder = [], lostStages = [] } = input;
  const startDay = toDayNumber(period.start);
  const endDay = toDayNumber(period.end);
  const counts = new Map<string, number>();

  for (const record of records) {
    if (record.stage === null || record.createdDay === null) continue;
    if (record.createdDay < startDay || record.createdDay > endDay) continue;
    counts.set(record.stage, (counts.get(record.stage) ?? 0) + 1);
  }

  const fold = (text: string): string => text.trim().toLowerCase();
  const orderIndex = (stage: string): number =>
    stageOrder.findIndex((candidate) => fold(candidate) === fold(stage));
  const isLost = (stage: string): boolean =>
    lostStages.some((candidate) => fold(candidate) === fold(stage));

  const stages = [...counts.keys()].sort((a, b) => {
    const [indexA, indexB] = [orderIndex(a), orderIndex(b)];
    if (indexA >= 0 && indexB >= 0) return indexA - indexB;
    if (indexA >= 0) return -1;
    if (indexB >= 0) return 1;
    return (counts.get(b) ?? 0) - (counts.get(a) ?? 0);
  });

  const chain = stages.filter((stage) => !isLost(stage));
  return stages.map((stage): FunnelRow => {
    const count = counts.get(stage) ?? 0;
    if (isLost(stage)) return { stage, count, reached: count, lost: true };
    const position = chain.indexOf(stage);
    const reached = chain.slice(position).reduce((sum, later) => sum + (counts.get(later) ?? 0), 0);
    return { stage, count, reached, lost: false };
  });
}

export interface SourceRow {
  /** Lead source; empty for records without one. */
  source: string;
  leads: number;
  won: number;
  revenue: number;
}

/** Records created in the period per lead source, with how many of them were won by `asOf`. */
export function leadsBySource(
  records: readonly OutcomeRecord[],
  period: Period,
  asOf: string,
): SourceRow[] {
  const startDay = toDayNumber(period.start);
  const endDay = toDayNumber(period.end);
  const asOfDay = toDayNumber(asOf);
  const rows = new Map<string, SourceRow>();

  for (const record of records) {
    if (record.createdDay === null || record.createdDay < startDay || record.createdDay > endDay)
      continue;
    const source = record.leadSource ?? '';
    const row = rows.get(source) ?? { source, leads: 0, won: 0, revenue: 0 };
    row.leads++;
    const wonDay = record.closedDay ?? record.createdDay;
    if (record.won && wonDay <= asOfDay) {
      row.won++;
      row.revenue += record.amount;
    }
    rows.set(source, row);
  }
  return [...rows.values()].sort((a, b) => b.leads - a.leads);
}
