/**
 * Largest-remainder (Hamilton) rounding: whole numbers that add up exactly to
 * a whole total. Each share gets the integer part of its quota, and the units
 * left over go to the largest fractional parts; equal fractions go to the
 * earlier position, so row order breaks ties.
 */

/**
 * Two fractional parts closer than this are a tie. Quotas come from
 * floating-point division, so fractions that are equal on paper can differ in
 * the last bits; without a tolerance, those bits and not the row order would
 * decide who gets a unit.
 */
const TIE_TOLERANCE = 1e-9;

function assertWholeTotal(total: number): void {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`A total to apportion must be a whole number of at least 0, got ${total}`);
  }
}

/**
 * Rounds non-negative quotas that add up to `total` (up to floating-point
 * error) to whole numbers that add up to `total` exactly. Every result is the
 * floor or the ceiling of its quota, except where floating-point error made
 * the floors overshoot, in which case the smallest fractions give a unit back.
 */
export function roundQuotas(total: number, quotas: readonly number[]): number[] {
  assertWholeTotal(total);
  for (const quota of quotas) {
    if (!Number.isFinite(quota) || quota < 0) {
      throw new RangeError(`Quotas must be finite and at least 0, got ${quota}`);
    }
  }
  if (quotas.length === 0) {
    if (total === 0) return [];
    throw new RangeError(`Cannot apportion ${total} over no shares`);
  }

  const shares = quotas.map((quota) => Math.floor(quota + TIE_TOLERANCE));
  const fractions = quotas.map((quota, index) => Math.max(0, quota - (shares[index] ?? 0)));
  let remainder = total - shares.reduce((sum, share) => sum + share, 0);

  // Positions with a zero quota never receive a unit, so a weight of 0 always means 0.
  const byFractionDescending = quotas
    .map((_, index) => index)
    .filter((index) => (quotas[index] ?? 0) > 0)
    .sort((a, b) => {
      const difference = (fractions[b] ?? 0) - (fractions[a] ?? 0);
      return Math.abs(difference) <= TIE_TOLERANCE ? a - b : difference;
    });
  if (remainder > 0 && byFractionDescending.length === 0) {
    throw new RangeError(`Cannot apportion ${total} when every quota is 0`);
  }

  // A second pass is needed only when the quotas fall short of the total by more than rounding.
  while (remainder > 0) {
    for (const index of byFractionDescending) {
      if (remainder === 0) break;
      shares[index] = (shares[index] ?? 0) + 1;
      remainder--;
    }
  }

  const byFractionAscending = [...byFractionDescending].reverse();
  while (remainder < 0) {
    for (const index of byFractionAscending) {
      if (remainder === 0) break;
      if ((shares[index] ?? 0) === 0) continue;
      shares[index] = (shares[index] ?? 0) - 1;
      remainder++;
    }
  }

  return shares;
}

/**
 * Splits a whole total in proportion to non-negative weights. Positions with
 * weight 0 get 0. Throws when the total is positive and no weight is.
 *
 * @example apportion(10, [1, 1, 1]) // [4, 3, 3]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  assertWholeTotal(total);
  for (const weight of weights) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Weights must be finite and at least 0, got ${weight}`);
    }
  }

  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weightSum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError(`Cannot apportion ${total} when every weight is 0`);
  }

  const quotas = weights.map((weight) => (total * weight) / weightSum);
  return roundQuotas(total, quotas);
}
