/**
 * Creating a target plan and re-splitting one with other split methods.
 */
import { isCivilDate, toDayNumber } from './civil-date';
import { spreadByMonths, spreadByRows } from './leaf-spread';
import {
  activeFractionsByRow,
  listLeafRows,
  MAX_PLAN_TOTAL,
  parseCellKey,
  personRowKey,
  planTotal,
  listGridRows,
  monthsUnder,
} from './plan-grid';
import { peopleSplitWeights, timeSplitWeights } from './split-weights';
import {
  TARGET_PLAN_FORMAT,
  TARGET_PLAN_SCHEMA_VERSION,
  type PeopleSplit,
  type PlanPerson,
  type PlanSplitNote,
  type PlanTeam,
  type TargetNotice,
  type TargetPlan,
  type TargetProblem,
  type TargetResult,
  type TargetUnit,
  type TimeSplit,
} from './target-plan.types';

export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;

export interface NewTargetPlan {
  id: string;
  /** Defaults to `id`. */
  lineageId?: string;
  name: string;
  year: number;
  unit: TargetUnit;
  /** Whole yuan, or a whole count. */
  total: number;
  timeSplit: TimeSplit;
  peopleSplit: PeopleSplit;
  /** Reps in row order. */
  people: PlanPerson[];
  /** Extra teams, such as teams without reps; the people's teams are added in order of appearance. */
  teams?: PlanTeam[];
  /** Epoch milliseconds. */
  now: number;
}

/** Teams in row order: the people's teams by first appearance, then any others given; reps in no team last. */
export function orderTeams(
  people: readonly PlanPerson[],
  extraTeams: readonly PlanTeam[] = [],
): PlanTeam[] {
  const names: string[] = [];
  for (const name of [
    ...people.map((person) => person.team),
    ...extraTeams.map((team) => team.name),
  ]) {
    if (name !== '' && !names.includes(name)) names.push(name);
  }
  if (people.some((person) => person.team === '')) names.push('');
  return names.map((name) => ({ name }));
}

function validatePeople(people: readonly PlanPerson[]): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const seen = new Set<string>();

  for (const person of people) {
    if (seen.has(person.id)) problems.push({ code: 'duplicate-person', personId: person.id });
    seen.add(person.id);

    if (!Number.isFinite(person.weight) || person.weight < 0) {
      problems.push({ code: 'invalid-weight', personId: person.id, weight: person.weight });
    }

    for (const field of ['employmentStart', 'employmentEnd'] as const) {
      const value = person[field];
      if (value !== undefined && !isCivilDate(value)) {
        problems.push({ code: 'invalid-employment-date', personId: person.id, field, value });
      }
    }

    const { employmentStart: start, employmentEnd: end } = person;
    if (
      start &&
      end &&
      isCivilDate(start) &&
      isCivilDate(end) &&
      toDayNumber(end) < toDayNumber(start)
    ) {
      problems.push({ code: 'employment-ends-before-start', personId: person.id, start, end });
    }
  }
  return problems;
}

function validateHeader(input: Pick<NewTargetPlan, 'year' | 'total'>): TargetProblem[] {
  const problems: TargetProblem[] = [];
  if (!Number.isInteger(input.year) || input.year < MIN_PLAN_YEAR || input.year > MAX_PLAN_YEAR) {
    problems.push({ code: 'invalid-year', year: input.year });
  }
  if (!Number.isSafeInteger(input.total) || input.total < 0 || input.total > MAX_PLAN_TOTAL) {
    problems.push({ code: 'invalid-total', total: input.total });
  }
  return problems;
}

/**
 * Creates version 1 of a draft plan: the total split over the months by the
 * time split, then each month over the teams' reps by the people split,
 * pro rata to each rep's employed days. Returns problems instead when the
 * input cannot give an exact plan.
 */
export function createTargetPlan(input: NewTargetPlan): TargetResult<TargetPlan> {
  const problems = [...validateHeader(input), ...validatePeople(input.people)];
  if (input.people.length === 0 && (input.teams ?? []).length === 0)
    problems.push({ code: 'no-rows' });
  if (problems.length > 0) return { ok: false, problems };

  const skeleton: TargetPlan = {
    format: TARGET_PLAN_FORMAT,
    schemaVersion: TARGET_PLAN_SCHEMA_VERSION,
    id: input.id,
    lineageId: input.lineageId ?? input.id,
    name: input.name,
    year: input.year,
    unit: input.unit,
    status: 'draft',
    version: 1,
    timeSplit: input.timeSplit,
    peopleSplit: input.peopleSplit,
    teams: orderTeams(input.people, input.teams),
    people: input.people.map((person) => ({ ...person })),
    values: {},
    locks: [],
    createdAt: input.now,
    updatedAt: input.now,
  };
  for (const row of listLeafRows(skeleton)) skeleton.values[row] = new Array<number>(12).fill(0);

  return distributeBySplit(skeleton, input.total, input.now);
}

/**
 * Returns the plan with `notes` as the notes of its last split, in place of
 * the notes of an earlier split. A split without notes leaves none.
 */
export function withSplitNotes(plan: TargetPlan, notes: readonly PlanSplitNote[]): TargetPlan {
  const { splitNotes: _earlier, ...rest } = plan;
  return notes.length > 0 ? { ...rest, splitNotes: [...notes] } : rest;
}

/**
 * Re-splits a draft with other split methods, keeping its total and every
 * locked cell. Cells under a lock keep their values; the rest of the total is
 * spread over the other cells by the new methods.
 */
export function resplitTargetPlan(
  plan: TargetPlan,
  splits: { timeSplit?: TimeSplit; peopleSplit?: PeopleSplit },
  now: number,
): TargetResult<TargetPlan> {
  if (plan.status !== 'draft')
    return { ok: false, problems: [{ code: 'plan-not-draft', status: plan.status }] };

  const next: TargetPlan = {
    ...plan,
    timeSplit: splits.timeSplit ?? plan.timeSplit,
    peopleSplit: splits.peopleSplit ?? plan.peopleSplit,
  };
  return distributeBySplit(next, planTotal(plan), now);
}

/** Leaf cells (row key → months) under any locked cell; they keep their values. */
export function frozenMonthsByRow(
  plan: Pick<TargetPlan, 'teams' | 'people' | 'locks'>,
): Map<string, Set<number>> {
  const rows = listGridRows(plan);
  const frozen = new Map<string, Set<number>>();
  for (const key of plan.locks) {
    const cell = parseCellKey(key);
    const row = cell && rows.find((candidate) => candidate.key === cell.row);
    if (!cell || !row) continue;
    for (const leaf of row.leaves) {
      const months = frozen.get(leaf) ?? new Set<number>();
      for (const month of monthsUnder(cell.column)) months.add(month);
      frozen.set(leaf, months);
    }
  }
  return frozen;
}

function distributeBySplit(plan: TargetPlan, total: number, now: number): TargetResult<TargetPlan> {
  const time = timeSplitWeights(plan.timeSplit);
  const leafRows = listLeafRows(plan);
  const peopleByRow = new Map(plan.people.map((person) => [personRowKey(person.id), person]));
  const people = peopleSplitWeights(plan.peopleSplit, leafRows, peopleByRow);
  const problems = [...(time.ok ? [] : time.problems), ...(people.ok ? [] : people.problems)];
  if (!time.ok || !people.ok) return { ok: false, problems };

  const fractions = activeFractionsByRow(plan);
  const frozen = frozenMonthsByRow(plan);
  const isFree = (row: string, month: number): boolean =>
    (fractions.get(row)?.[month] ?? 0) > 0 && !frozen.get(row)?.has(month);

  const notices: TargetNotice[] = [...time.notices, ...people.notices];
  const inactiveRows = leafRows.filter((row) =>
    (fractions.get(row) ?? []).every((fraction) => fraction === 0),
  );
  if (inactiveRows.length > 0) notices.push({ code: 'rows-inactive-all-year', rows: inactiveRows });

  const values: Record<string, number[]> = {};
  let frozenTotal = 0;
  for (const row of leafRows) {
    const current = plan.values[row] ?? new Array<number>(12).fill(0);
    values[row] = current.map((value, month) => {
      if (isFree(row, month)) return 0;
      // Cells outside employment are always 0; cells under a lock keep their value.
      const kept = (fractions.get(row)?.[month] ?? 0) > 0 ? value : 0;
      frozenTotal += kept;
      return kept;
    });
  }

  const next: TargetPlan = { ...plan, values, updatedAt: now };
  const free = total - frozenTotal;
  if (free < 0) {
    return {
      ok: false,
      problems: [
        {
          code: 'locked-exceeds-total',
          cell: { row: 'company', column: 'year' },
          requested: total,
          locked: frozenTotal,
        },
      ],
    };
  }

  if (plan.peopleSplit.method === 'manual') {
    const result = spreadManualAmounts(next, plan.peopleSplit.amounts, total, time.weights, isFree);
    return result.ok ? { ok: true, value: result.value, notices } : result;
  }

  const personWeights = people.weights;
  const weights = leafRows.map((row) =>
    time.weights.map((monthWeight, month) =>
      isFree(row, month) ? (personWeights.get(row) ?? 0) * (fractions.get(row)?.[month] ?? 0) : 0,
    ),
  );

  // Each month's share is split among the reps employed that month, so the
  // company's months follow the time split and a late starter shares only
  // the months they work. A month nobody works in hands its share to the others.
  const monthTotals = time.weights.map((_, month) =>
    weights.reduce((sum, row) => sum + (row[month] ?? 0), 0),
  );
  const emptyMonths = time.weights.flatMap((monthWeight, month) =>
    monthWeight > 0 && (monthTotals[month] ?? 0) === 0 ? [month + 1] : [],
  );
  const normalised = weights.map((row) =>
    row.map((weight, month) => {
      const monthTotal = monthTotals[month] ?? 0;
      return monthTotal > 0 ? ((time.weights[month] ?? 0) * weight) / monthTotal : 0;
    }),
  );

  if (free > 0 && normalised.every((row) => row.every((weight) => weight === 0))) {
    return { ok: false, problems: [{ code: 'nobody-active', year: plan.year }] };
  }
  if (emptyMonths.length > 0 && free > 0)
    notices.push({ code: 'months-without-people', months: emptyMonths });

  const staffedMonthWeights = time.weights.map((monthWeight, month) =>
    (monthTotals[month] ?? 0) > 0 ? monthWeight : 0,
  );
  const spread = spreadByMonths(free, normalised, staffedMonthWeights);
  leafRows.forEach((row, rowIndex) => {
    const rowValues = values[row] ?? [];
    spread[rowIndex]?.forEach((value, month) => {
      if (isFree(row, month)) rowValues[month] = value;
    });
  });
  return { ok: true, value: next, notices };
}

function spreadManualAmounts(
  plan: TargetPlan,
  amounts: Record<string, number>,
  total: number,
  timeWeights: readonly number[],
  isFree: (row: string, month: number) => boolean,
): TargetResult<TargetPlan> {
  const leafRows = listLeafRows(plan);
  const fractions = activeFractionsByRow(plan);
  const problems: TargetProblem[] = [];

  let sum = 0;
  for (const row of leafRows) {
    const amount = amounts[row] ?? 0;
    if (!Number.isSafeInteger(amount) || amount < 0)
      problems.push({ code: 'invalid-manual-amount', row, amount });
    else sum += amount;
  }
  if (problems.length === 0 && sum !== total)
    problems.push({ code: 'manual-sum-mismatch', expected: total, actual: sum });

  const weights = leafRows.map((row) =>
    timeWeights.map((weight, month) =>
      isFree(row, month) ? weight * (fractions.get(row)?.[month] ?? 0) : 0,
    ),
  );
  const rowTotals = leafRows.map((row, rowIndex) => {
    const kept = (plan.values[row] ?? []).reduce((rowSum, value) => rowSum + value, 0);
    const free = (amounts[row] ?? 0) - kept;
    const hasFreeWeight = (weights[rowIndex] ?? []).some((weight) => weight > 0);
    if (free < 0) {
      problems.push({
        code: 'locked-exceeds-total',
        cell: { row, column: 'year' },
        requested: amounts[row] ?? 0,
        locked: kept,
      });
    } else if (free > 0 && !hasFreeWeight) {
      problems.push({ code: 'manual-amount-without-active-month', row, amount: amounts[row] ?? 0 });
    }
    return free;
  });
  if (problems.length > 0) return { ok: false, problems };

  const spread = spreadByRows(rowTotals, weights);
  const values = { ...plan.values };
  leafRows.forEach((row, rowIndex) => {
    const rowValues = [...(values[row] ?? new Array<number>(12).fill(0))];
    spread[rowIndex]?.forEach((value, month) => {
      if (isFree(row, month)) rowValues[month] = value;
    });
    values[row] = rowValues;
  });
  return { ok: true, value: { ...plan, values }, notices: [] };
}
