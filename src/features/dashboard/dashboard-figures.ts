/**
 * Everything the dashboard shows, computed in one call from loaded records:
 * the metrics per rep and team, the four charts' rows, round-robin fairness
 * and the lead sources the source filter offers. The dashboard worker runs
 * it; it is pure so tests and benchmarks call it directly.
 */
import type { TargetUnit } from '../targets';
import {
  attainmentByRep,
  funnelByStage,
  leadsBySource,
  monthlyTrend,
  type AttainmentRow,
  type FunnelRow,
  type SourceRow,
  type TrendRow,
} from './chart-data';
import type { LoadedRecords } from './dashboard-records';
import {
  computeDashboard,
  NO_SOURCE,
  type DashboardQuery,
  type Metrics,
  type RepMetrics,
  type TeamMetrics,
  type FormerNameOwner,
  type UnmatchedOwner,
} from './dashboard-metrics';
import { computeFairness, type FairnessOptions, type PoolFairness } from './fairness';
import { DEFAULT_LOST_VALUES, DEFAULT_STAGE_ORDER } from './outcome-fields';
import type { RepIdentity } from './owner-match';
import type { Period } from './period';

export interface FiguresQuery extends DashboardQuery {
  reps: RepIdentity[];
  /** Monthly targets by year, then by plan row key (`rep:<id>`, `team:<name>`). */
  targets: Map<number, Record<string, number[]>>;
  targetUnit: TargetUnit;
  /** Sum of the selected rows' monthly targets by year, for the trend chart. */
  monthlyTargets: Map<number, number[]>;
  /** The months the trend chart spans (the year of the period's start). */
  trendPeriod: Period;
  fairness: FairnessOptions;
}

export interface DashboardFigures {
  countedPeriod: Period;
  reps: RepMetrics[];
  teams: TeamMetrics[];
  total: Metrics;
  unmatched: UnmatchedOwner[];
  formerNames: FormerNameOwner[];
  attainment: AttainmentRow[];
  trend: TrendRow[];
  funnel: FunnelRow[];
  sources: SourceRow[];
  fairness: PoolFairness[];
  /** Every lead source in the records, sorted (`NO_SOURCE` for none), for the source filter. */
  leadSources: string[];
  /** Unreadable cells per dataset id. */
  issues: LoadedRecords['issues'];
}

/** Computes the dashboard's figures for one query over loaded records. */
export function computeDashboardFigures(
  loaded: LoadedRecords,
  query: FiguresQuery,
): DashboardFigures {
  const result = computeDashboard({
    reps: query.reps,
    records: loaded.records,
    targets: query.targets,
    targetUnit: query.targetUnit,
    period: query.period,
    asOf: query.asOf,
    behindMargin: query.behindMargin,
    ...(query.team !== undefined ? { team: query.team } : {}),
    ...(query.leadSources !== undefined ? { leadSources: query.leadSources } : {}),
  });

  const leadSources = [
    ...new Set(loaded.records.map((record) => record.leadSource ?? NO_SOURCE)),
  ].sort();

  return {
    countedPeriod: result.countedPeriod,
    reps: result.reps,
    teams: result.teams,
    total: result.total,
    unmatched: result.unmatched,
    formerNames: result.formerNames,
    attainment: attainmentByRep(result.reps),
    trend: monthlyTrend({
      records: result.records,
      monthlyTargets: query.monthlyTargets,
      period: query.trendPeriod,
      asOf: query.asOf,
      unit: query.targetUnit,
    }),
    funnel: funnelByStage({
      records: result.records,
      period: result.countedPeriod,
      stageOrder: DEFAULT_STAGE_ORDER,
      lostStages: DEFAULT_LOST_VALUES,
    }),
    sources: leadsBySource(result.records, result.countedPeriod, query.asOf),
    fairness: computeFairness(loaded.pools, result.records, result.repIds, query.fairness),
    leadSources,
    issues: loaded.issues,
  };
}
