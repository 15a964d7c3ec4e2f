/**
 * Weights behind each split method: twelve month weights for the time split,
 * one weight per leaf row for the people split.
 */
import type {
  PeopleSplit,
  PlanPerson,
  TargetNotice,
  TargetProblem,
  TimeSplit,
} from './target-plan.types';

export type WeightsResult<T> =
  { ok: true; weights: T; notices: TargetNotice[] } | { ok: false; problems: TargetProblem[] };

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Spreads four quarter weights evenly over their months. */
export function quarterWeightsToMonthWeights(quarterWeights: readonly number[]): number[] {
  return Array.from({ length: 12 }, (_, month) => (quarterWeights[Math.floor(month / 3)] ?? 0) / 3);
}

/** Twelve month weights (January first) for a time split. */
export function timeSplitWeights(split: TimeSplit): WeightsResult<number[]> {
  if (split.method === 'even')
    return { ok: true, weights: new Array<number>(12).fill(1), notices: [] };

  if (split.method === 'seasonal') {
    if (split.monthWeights.length !== 12) {
      return {
        ok: false,
        problems: [{ code: 'invalid-month-weights', count: split.monthWeights.length }],
      };
    }
    const invalid = split.monthWeights.findIndex((weight) => !isNonNegativeNumber(weight));
    if (invalid >= 0) {
      return { ok: false, problems: [{ code: 'invalid-month-weights', month: invalid + 1 }] };
    }
    if (split.monthWeights.every((weight) => weight === 0)) {
      return { ok: false, problems: [{ code: 'invalid-month-weights' }] };
    }
    return { ok: true, weights: [...split.monthWeights], notices: [] };
  }

  if (split.monthActuals.length !== 12) {
    return {
      ok: false,
      problems: [{ code: 'invalid-month-weights', count: split.monthActuals.length }],
    };
  }
  const invalid = split.monthActuals.findIndex((value) => !Number.isFinite(value));
  if (invalid >= 0)
    return { ok: false, problems: [{ code: 'invalid-month-weights', month: invalid + 1 }] };

  // Refunds can leave a month below zero; such a month gets no target rather than a negative one.
  const negativeMonths = split.monthActuals.flatMap((value, index) =>
    value < 0 ? [index + 1] : [],
  );
  const weights = split.monthActuals.map((value) => Math.max(0, value));
  if (weights.every((weight) => weight === 0))
    return { ok: false, problems: [{ code: 'no-actuals' }] };

  const notices: TargetNotice[] =
    negativeMonths.length > 0 ? [{ code: 'negative-actuals-ignored', months: negativeMonths }] : [];
  return { ok: true, weights, notices };
}

/**
 * One weight per leaf row (row key → weight) for the `even`, `weight` and
 * `lastPeriod` people splits; the `manual` split has amounts, not weights,
 * and returns them as they are.
 *
 * For `lastPeriod`, a row with no result or a result of 0 is planned like an
 * average performer: it gets the mean of the positive results, so a new hire
 * or a rep who had a bad year is not given a target of zero. The notice lists
 * those rows.
 */
export function peopleSplitWeights(
  split: PeopleSplit,
  leafRows: readonly string[],
  peopleByRow: ReadonlyMap<string, PlanPerson>,
): WeightsResult<Map<string, number>> {
  const weights = new Map<string, number>();

  if (split.method === 'even') {
    for (const row of leafRows) weights.set(row, 1);
    return { ok: true, weights, notices: [] };
  }

  if (split.method === 'weight') {
    // A team without reps has no allocation weight of its own and counts as one rep.
    for (const row of leafRows) weights.set(row, peopleByRow.get(row)?.weight ?? 1);
    if ([...weights.values()].every((weight) => weight === 0)) {
      return { ok: false, problems: [{ code: 'no-weight' }] };
    }
    return { ok: true, weights, notices: [] };
  }

  if (split.method === 'manual') {
    for (const row of leafRows) weights.set(row, split.amounts[row] ?? 0);
    return { ok: true, weights, notices: [] };
  }

  const positive = leafRows
    .map((row) => split.results[row])
    .filter((result): result is number => isNonNegativeNumber(result) && result > 0);
  if (positive.length === 0) return { ok: false, problems: [{ code: 'no-results' }] };

  const mean = positive.reduce((sum, result) => sum + result, 0) / positive.length;
  const withoutResults: string[] = [];
  for (const row of leafRows) {
    const result = split.results[row];
    if (isNonNegativeNumber(result) && result > 0) {
      weights.set(row, result);
    } else {
      weights.set(row, mean);
      withoutResults.push(row);
    }
  }

  const notices: TargetNotice[] =
    withoutResults.length > 0
      ? [{ code: 'people-without-results', rows: withoutResults, assumed: mean }]
      : [];
  return { ok: true, weights, notices };
}
