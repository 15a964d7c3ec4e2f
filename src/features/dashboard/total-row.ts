/**
 * The total row of a dashboard table as it is shown. Every column that adds
 * up (leads, deals, revenue, target, gap, daily amount needed) is the sum of
 * the row values rounded as the table shows them (whole yuan or counts).
 * The total then equals the sum of the rows on screen and in the export.
 * Ratios (conversion, attainment) and the pace status stay those of the
 * whole selection.
 *
 * The gap and the daily amount needed are defined once, per rep: a team's
 * and the company's values add up their reps' values, so a rep ahead of
 * pace does not offset a rep behind. The teams table shows its rows that
 * way too (`teamRowsAsShown`), so its total equals the reps table's.
 */
import type { Metrics, RepMetrics, TeamMetrics } from './dashboard-metrics';

/**
 * Returns `total` with its additive columns replaced by the sums of the
 * rounded row values. The gap total is the sum of the row gaps, so it counts
 * only rows behind their expected amount. `dailyNeeded` is null when no row
 * needs a daily amount.
 */
export function displayedTotal(rows: readonly Metrics[], total: Metrics): Metrics {
  const sum = (value: (row: Metrics) => number) =>
    rows.reduce((acc, row) => acc + Math.round(value(row)), 0);
  const needing = rows.filter((row) => row.pace.dailyNeeded !== null);

  return {
    ...total,
    assigned: sum((row) => row.assigned),
    won: sum((row) => row.won),
    revenue: sum((row) => row.revenue),
    target: sum((row) => row.target),
    pace: {
      ...total.pace,
      gap: sum((row) => row.pace.gap),
      dailyNeeded:
        needing.length === 0
          ? null
          : needing.reduce((acc, row) => acc + Math.round(row.pace.dailyNeeded ?? 0), 0),
    },
  };
}

/**
 * Returns team rows as the teams table shows them. Leads, deals, revenue,
 * target, gap and daily amount needed are the sums of the team's reps as the
 * reps table shows them (rounded). The target adds the part the plan gives
 * the team row itself. A team whose reps have no target keeps its own gap
 * and daily amount, because it has no others. Ratios and the status stay
 * the team's.
 */
export function teamRowsAsShown(
  teams: readonly TeamMetrics[],
  reps: readonly RepMetrics[],
): TeamMetrics[] {
  return teams.map((team): TeamMetrics => {
    const members = reps.filter((rep) => rep.team === team.team);
    const memberTarget = members.reduce((sum, rep) => sum + rep.target, 0);
    const ownTarget = Math.round(team.target - memberTarget);
    const summed = { ...team, ...displayedTotal(members, team) };
    summed.target += ownTarget;

    // NOTE: when both the team row and its reps have targets, the shortfall against the
    // team row's own part is not in the gap, which adds up the reps only.
    if (memberTarget > 0) return summed;
    const { gap, dailyNeeded } = team.pace;
    return {
      ...summed,
      pace: {
        ...summed.pace,
        gap: Math.round(gap),
        dailyNeeded: dailyNeeded === null ? null : Math.round(dailyNeeded),
      },
    };
  });
}
