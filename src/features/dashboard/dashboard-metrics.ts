/**
 * Per-rep, per-team and company figures for a period.
 *
 * Definitions, all in calendar days of the workspace time zone. Nothing
 * dated after the day the dashboard treats as today counts.
 * - assigned: records created (or assigned by an applied run) in the period;
 * - won and revenue: won deals closed in the period (a won deal without a
 *   close date counts on its created date);
 * - conversion rate: of the records assigned in the period, the share won by
 *   today, whenever in that time they closed;
 * - average days to close: close day − created day over the won deals of the
 *   period that have both dates in that order;
 * - attainment and pace: revenue (or the won count, for a plan in counts)
 *   against the target of the period (see pace.ts).
 */
import { type CivilDate, fromDayNumber, toDayNumber, type TargetUnit } from '../targets';
import type { OutcomeRecord } from './outcome-records';
import { createOwnerMatcher, type RepIdentity } from './owner-match';
import { addMonthlyTargets, computePace, type MonthlyTargets, type Pace } from './pace';
import type { Period } from './period';

/** Key the source filter uses for records without a lead source. */
export const NO_SOURCE = '';

export interface DashboardQuery {
  period: Period;
  /** The date the dashboard treats as today. */
  asOf: CivilDate;
  /** Share of the expected amount a rep may fall short before counting as behind (0.1 = 10 %). */
  behindMargin: number;
  /** Only reps of this team (team name); all teams when absent. */
  team?: string;
  /** Only records with one of these lead sources (`NO_SOURCE` for none); all when absent. */
  leadSources?: readonly string[];
}

export interface DashboardInput extends DashboardQuery {
  reps: readonly RepIdentity[];
  records: readonly OutcomeRecord[];
  /** Monthly targets by year, then by plan row key (`rep:<id>`, `team:<name>`). */
  targets: ReadonlyMap<number, Readonly<Record<string, readonly number[]>>>;
  targetUnit: TargetUnit;
}

export interface Metrics {
  assigned: number;
  won: number;
  revenue: number;
  /** Won records among those assigned in the period. */
  cohortWon: number;
  /** cohortWon ÷ assigned; null when nothing was assigned. */
  conversionRate: number | null;
  averageDaysToClose: number | null;
  /** Target of the period, pro rata by days for partial months; not rounded. */
  target: number;
  pace: Pace;
}

export interface RepMetrics extends Metrics {
  repId: string;
  name: string;
  team: string;
}

export interface TeamMetrics extends Metrics {
  team: string;
  repCount: number;
}

export interface UnmatchedOwner {
  owner: string;
  kind: 'unknown' | 'ambiguous';
  repIds: string[];
  records: number;
  revenue: number;
}

/** An owner text that names a rep only by a name the rep had before a rename. */
export interface FormerNameOwner {
  owner: string;
  repId: string;
  records: number;
}

export interface DashboardResult {
  /** The period cut off at today: the days whose records count. */
  countedPeriod: Period;
  reps: RepMetrics[];
  teams: TeamMetrics[];
  total: Metrics;
  unmatched: UnmatchedOwner[];
  /** Owners matched by a former name, counted like the rep's other records. */
  formerNames: FormerNameOwner[];
  /** Records of the selected reps and sources, for charts. */
  records: OutcomeRecord[];
  /** Rep id of each of `records`, at the same index. */
  repIds: string[];
}

interface Tally {
  assigned: number;
  won: number;
  revenue: number;
  cohortWon: number;
  daysToCloseSum: number;
  daysToCloseCount: number;
}

function emptyTally(): Tally {
  return { assigned: 0, won: 0, revenue: 0, cohortWon: 0, daysToCloseSum: 0, daysToCloseCount: 0 };
}

function addTally(into: Tally, from: Tally): void {
  into.assigned += from.assigned;
  into.won += from.won;
  into.revenue += from.revenue;
  into.cohortWon += from.cohortWon;
  into.daysToCloseSum += from.daysToCloseSum;
  into.daysToCloseCount += from.daysToCloseCount;
}

/** Inclusive day numbers: the period up to today, and today itself. */
interface CountWindow {
  startDay: number;
  endDay: number;
  asOfDay: number;
}

function countRecord(tally: Tally, record: OutcomeRecord, window: CountWindow): void {
  const { startDay, endDay, asOfDay } = window;
  const created = record.createdDay;
  const wonDay = record.closedDay ?? created;

  if (created !== null && created >= startDay && created <= endDay) {
    tally.assigned++;
    if (record.won && wonDay !== null && wonDay <= asOfDay) tally.cohortWon++;
  }

  if (!record.won || wonDay === null || wonDay < startDay || wonDay > endDay) return;
  tally.won++;
  tally.revenue += record.amount;
  if (record.closedDay !== null && created !== null && record.closedDay >= created) {
    tally.daysToCloseSum += record.closedDay - created;
    tally.daysToCloseCount++;
  }
}

function toMetrics(
  tally: Tally,
  monthlyTargets: MonthlyTargets,
  unit: TargetUnit,
  query: DashboardQuery,
): Metrics {
  const actual = unit === 'count' ? tally.won : tally.revenue;
  const pace = computePace({
    monthlyTargets,
    actual,
    period: query.period,
    asOf: query.asOf,
    margin: query.behindMargin,
  });
  return {
    assigned: tally.assigned,
    won: tally.won,
    revenue: tally.revenue,
    cohortWon: tally.cohortWon,
    conversionRate: tally.assigned > 0 ? tally.cohortWon / tally.assigned : null,
    averageDaysToClose:
      tally.daysToCloseCount > 0 ? tally.daysToCloseSum / tally.daysToCloseCount : null,
    target: pace.target,
    pace,
  };
}

function monthlyTargetsOf(
  targets: DashboardInput['targets'],
  rowKey: string,
): Map<number, readonly number[]> {
  const byYear = new Map<number, readonly number[]>();
  for (const [year, rows] of targets) {
    const months = rows[rowKey];
    if (months) byYear.set(year, months);
  }
  return byYear;
}

/** Computes every figure of the dashboard for one query. */
export function computeDashboard(input: DashboardInput): DashboardResult {
  const { period, team, leadSources, targetUnit } = input;
  // Nothing dated after today counts, so a past date shows the dashboard as it stood then.
  const asOfDay = toDayNumber(input.asOf);
  const window: CountWindow = {
    startDay: toDayNumber(period.start),
    endDay: Math.min(toDayNumber(period.end), asOfDay),
    asOfDay,
  };
  const reps = input.reps.filter((rep) => team === undefined || rep.team === team);
  const repIds = new Set(reps.map((rep) => rep.id));
  const match = createOwnerMatcher(input.reps);
  const sources = leadSources ? new Set(leadSources) : null;

  const tallies = new Map(reps.map((rep) => [rep.id, emptyTally()]));
  const unmatched = new Map<string, UnmatchedOwner>();
  const formerNames = new Map<string, FormerNameOwner>();
  const records: OutcomeRecord[] = [];
  const recordRepIds: string[] = [];

  for (const record of input.records) {
    if (sources && !sources.has(record.leadSource ?? NO_SOURCE)) continue;

    const owner = match(record.owner);
    if (owner.kind !== 'rep') {
      const key = `${owner.kind}:${record.owner}`;
      const entry = unmatched.get(key) ?? {
        owner: record.owner,
        kind: owner.kind,
        repIds: owner.kind === 'ambiguous' ? owner.repIds : [],
        records: 0,
        revenue: 0,
      };
      entry.records++;
      if (record.won) entry.revenue += record.amount;
      unmatched.set(key, entry);
      continue;
    }
    if (!repIds.has(owner.repId)) continue;
    if (owner.by === 'formerName') {
      const entry = formerNames.get(record.owner) ?? {
        owner: record.owner,
        repId: owner.repId,
        records: 0,
      };
      entry.records++;
      formerNames.set(record.owner, entry);
    }

    countRecord(tallies.get(owner.repId) as Tally, record, window);
    records.push(record);
    recordRepIds.push(owner.repId);
  }

  const repTargets = new Map(
    reps.map((rep) => [rep.id, monthlyTargetsOf(input.targets, `rep:${rep.id}`)]),
  );
  const repMetrics = reps.map((rep): RepMetrics => {
    const monthly = repTargets.get(rep.id) ?? new Map();
    const metrics = toMetrics(tallies.get(rep.id) ?? emptyTally(), monthly, targetUnit, input);
    return { repId: rep.id, name: rep.name, team: rep.team, ...metrics };
  });

  const teamNames = [...new Set(reps.map((rep) => rep.team))];
  const teamTargets = new Map<string, MonthlyTargets>();
  const teamMetrics = teamNames.map((name): TeamMetrics => {
    const members = reps.filter((rep) => rep.team === name);
    const tally = emptyTally();
    for (const member of members) addTally(tally, tallies.get(member.id) ?? emptyTally());
    // A team row without reps in the plan carries a target of its own.
    const teamRow = name === '' ? new Map() : monthlyTargetsOf(input.targets, `team:${name}`);
    const monthly = addMonthlyTargets([
      teamRow,
      ...members.map((member) => repTargets.get(member.id) ?? new Map()),
    ]);
    teamTargets.set(name, monthly);
    return {
      team: name,
      repCount: members.length,
      ...toMetrics(tally, monthly, targetUnit, input),
    };
  });

  const totalTally = emptyTally();
  for (const tally of tallies.values()) addTally(totalTally, tally);
  const totalTargets = addMonthlyTargets([...teamTargets.values()]);

  return {
    countedPeriod: { start: period.start, end: fromDayNumber(window.endDay) },
    reps: repMetrics,
    teams: teamMetrics,
    total: toMetrics(totalTally, totalTargets, targetUnit, input),
    unmatched: [...unmatched.values()].sort((a, b) => b.records - a.records),
    formerNames: [...formerNames.values()].sort((a, b) => b.records - a.records),
    records,
    repIds: recordRepIds,
  };
}
