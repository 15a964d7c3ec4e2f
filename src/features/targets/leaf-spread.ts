/**
 * Spreading a whole amount over a block of leaf cells (rows × months).
 */
import { apportion } from './apportion';
import { roundTableByLines, transpose } from './table-rounding';

/**
 * Spreads `amount` over `weights` (rows × months, non-negative): each month
 * first gets its exact largest-remainder share of the amount, then each
 * month's share is split over the rows with carried remainders, so month
 * totals follow the weights exactly and each row's total is within about one
 * unit of its real share. Cells with weight 0 get 0. Throws when the amount is
 * positive and every weight is 0.
 *
 * `monthWeights`, when given, are the months' weights the rows were
 * normalised from. Column sums of normalised rows carry floating-point error,
 * and in a near tie that error, not the month order, would pick the month
 * that gets the spare unit.
 */
export function spreadByMonths(
  amount: number,
  weights: readonly (readonly number[])[],
  monthWeights?: readonly number[],
): number[][] {
  const monthCount = weights[0]?.length ?? 0;
  const columnSums = Array.from({ length: monthCount }, (_, month) =>
    weights.reduce((sum, row) => sum + (row[month] ?? 0), 0),
  );
  const monthTotals = apportion(amount, monthWeights ?? columnSums);
  return transpose(roundTableByLines(monthTotals, transpose(weights)));
}

/**
 * Spreads given row totals over the months in proportion to `weights` (rows
 * × months), each row exactly, with carried remainders across rows so the
 * month totals stay within about one unit of their real sums.
 */
export function spreadByRows(
  rowTotals: readonly number[],
  weights: readonly (readonly number[])[],
): number[][] {
  return roundTableByLines(rowTotals, weights);
}
