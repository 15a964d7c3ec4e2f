/**
 * The total row of a dashboard table as it is shown. Every column that adds
 * up (leads, deals, revenue, target, gap, daily amount needed) is the sum of
 * the row values rounded as the table shows them (whole yuan or counts).
 * The total then equals the sum of the rows on screen and in the export.
 * Ratios (conversion, attainment) and the pace status stay those of the
 * whole selection.
 */
import type { Metrics } from './dashboard-metrics';

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
