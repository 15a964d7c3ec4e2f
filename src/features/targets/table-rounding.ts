/**
 * Rounding a table of real shares to whole numbers so that the totals along
 * one axis are exact and the totals along the other axis stay within about
 * one unit of their real values.
 *
 * Rounding each line on its own lets the same position win every tie: seven
 * equal reps sharing 1,000,000 yuan each month would see the first rep get
 * the spare yuan twelve times. Instead, every line passes each position's
 * rounding error on to the next line as a carry, so the spare units rotate
 * and a rep's yearly total is the floor or the ceiling of its real share.
 */
import { roundQuotas } from './apportion';

/**
 * Rounds `weights` (lines × positions, non-negative) line by line: line `i`
 * gets exactly `lineTotals[i]`, split over its positions in proportion to the
 * weights, with largest-remainder rounding over the real share plus the carry
 * each position brought from earlier lines. Positions with weight 0 in a line
 * get 0 there. Throws when a line has a positive total and no positive weight.
 */
export function roundTableByLines(
  lineTotals: readonly number[],
  weights: readonly (readonly number[])[],
): number[][] {
  const positionCount = weights[0]?.length ?? 0;
  const carry = new Array<number>(positionCount).fill(0);

  return lineTotals.map((lineTotal, lineIndex) => {
    const lineWeights = weights[lineIndex] ?? [];
    if (lineWeights.length !== positionCount) {
      throw new RangeError(
        `Line ${lineIndex} has ${lineWeights.length} weights, expected ${positionCount}`,
      );
    }
    if (lineTotal === 0) return new Array<number>(positionCount).fill(0);

    const weightSum = lineWeights.reduce((sum, weight) => sum + weight, 0);
    if (!(weightSum > 0)) {
      throw new RangeError(`Line ${lineIndex} has a total of ${lineTotal} but no positive weight`);
    }

    const realShares = lineWeights.map((weight) => (lineTotal * weight) / weightSum);
    const quotas = realShares.map((share, position) =>
      (lineWeights[position] ?? 0) > 0 ? Math.max(0, share + (carry[position] ?? 0)) : 0,
    );

    // Carries of positions that take no part in this line leave the quotas short
    // or long of the total, so scale them back onto it.
    const quotaSum = quotas.reduce((sum, quota) => sum + quota, 0);
    const scaled =
      quotaSum > 0 ? quotas.map((quota) => (quota * lineTotal) / quotaSum) : realShares;
    const rounded = roundQuotas(lineTotal, scaled);

    rounded.forEach((value, position) => {
      carry[position] = (carry[position] ?? 0) + (realShares[position] ?? 0) - value;
    });
    return rounded;
  });
}

/** Swaps the axes of a rectangular table. */
export function transpose<T>(table: readonly (readonly T[])[]): T[][] {
  const width = table[0]?.length ?? 0;
  return Array.from({ length: width }, (_, column) => table.map((row) => row[column] as T));
}
