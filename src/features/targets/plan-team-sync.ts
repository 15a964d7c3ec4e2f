/**
 * Bringing a draft plan's rows up to date with the team. A plan stores a
 * snapshot of its reps, so reps hired, gone or moved to another team since
 * it was made are not in its rows until the manager takes the changes in.
 *
 * Taking them in keeps every total exact and every lock and hand edit:
 * - a new rep gets a row with 0, or a share of each month's unlocked amount
 *   by the plan's people split and the rep's employed days, taken from the
 *   other unlocked cells of that month in proportion to their values;
 * - a rep who left keeps their row and figures until the manager moves the
 *   figures, and the row goes once it is all 0;
 * - a rep who moved to another team takes their figures to that team.
 */
import { apportion } from './apportion';
import { frozenMonthsByRow } from './plan-build';
import {
  activeFractionsByRow,
  COMPANY_ROW,
  listGridRows,
  listLeafRows,
  parseCellKey,
  personRowKey,
  teamRowKey,
} from './plan-grid';
import { peopleSplitWeights } from './split-weights';
import { roundTableByLines, transpose } from './table-rounding';
import type {
  PeopleSplit,
  PlanPerson,
  PlanTeam,
  TargetPlan,
  TargetResult,
} from './target-plan.types';

/** A rep of the plan who is now in another team. */
export interface MovedRep {
  person: PlanPerson;
  from: string;
  to: string;
}

/** How the team differs from a plan's rows. */
export interface TeamChanges {
  /** Current reps the plan has no row for, in team order. */
  added: PlanPerson[];
  /** Reps of the plan who are no longer in the team, as the plan stores them. */
  left: PlanPerson[];
  moved: MovedRep[];
}

/** How new reps enter the plan. */
export type NewRepTargets = 'zero' | 'share';

/** Lists how `current` (the team's active reps) differs from the plan's rows. */
export function diffPlanTeam(
  plan: Pick<TargetPlan, 'people'>,
  current: readonly PlanPerson[],
): TeamChanges {
  const currentById = new Map(current.map((person) => [person.id, person]));
  const planIds = new Set(plan.people.map((person) => person.id));

  const moved: MovedRep[] = [];
  for (const person of plan.people) {
    const now = currentById.get(person.id);
    if (now && now.team !== person.team) moved.push({ person, from: person.team, to: now.team });
  }
  return {
    added: current.filter((person) => !planIds.has(person.id)),
    left: plan.people.filter((person) => !currentById.has(person.id)),
    moved,
  };
}

export function hasTeamChanges(changes: TeamChanges): boolean {
  return changes.added.length + changes.left.length + changes.moved.length > 0;
}

/** True when every cell of the leaf row is 0 or missing. */
function isEmptyRow(plan: Pick<TargetPlan, 'values'>, row: string): boolean {
  return (plan.values[row] ?? []).every((value) => value === 0);
}

/**
 * Returns the draft with its rows brought up to date with `current`, the
 * team's active reps (see the module comment). Reps of the plan keep the
 * weight and employment dates the plan stores. Returns problems when the
 * plan is not a draft, or when a team row with its own target would get
 * reps, since the team row's figures would have no row to stay in.
 */
export function syncPlanWithTeam(
  plan: TargetPlan,
  current: readonly PlanPerson[],
  newReps: NewRepTargets,
  now: number,
): TargetResult<TargetPlan> {
  if (plan.status !== 'draft')
    return { ok: false, problems: [{ code: 'plan-not-draft', status: plan.status }] };

  const changes = diffPlanTeam(plan, current);
  const movedTo = new Map(changes.moved.map((move) => [move.person.id, move.to]));
  const people: PlanPerson[] = [
    ...plan.people
      .filter(
        (person) => !changes.left.includes(person) || !isEmptyRow(plan, personRowKey(person.id)),
      )
      .map((person) =>
        movedTo.has(person.id) ? { ...person, team: movedTo.get(person.id) ?? '' } : person,
      ),
    ...changes.added.map((person) => ({ ...person })),
  ];

  const oldLeaves = new Set(listLeafRows(plan));
  const teams = syncTeams(plan, people);
  const teamsGainingReps = teams.filter(
    (team) =>
      oldLeaves.has(teamRowKey(team.name)) &&
      !isEmptyRow(plan, teamRowKey(team.name)) &&
      people.some((person) => person.team === team.name),
  );
  if (teamsGainingReps.length > 0) {
    return {
      ok: false,
      problems: teamsGainingReps.map((team) => ({
        code: 'team-row-gains-reps',
        row: teamRowKey(team.name),
      })),
    };
  }

  const synced: TargetPlan = { ...plan, teams, people, values: {}, updatedAt: now };
  const leaves = listLeafRows(synced);
  for (const row of leaves) {
    synced.values[row] = [...(plan.values[row] ?? new Array<number>(12).fill(0))];
  }
  const rowKeys = new Set(listGridRows(synced).map((row) => row.key));
  synced.locks = plan.locks.filter((key) => {
    const cell = parseCellKey(key);
    return cell !== null && rowKeys.has(cell.row);
  });

  const addedRows = changes.added.map((person) => personRowKey(person.id));
  if (newReps === 'share' && addedRows.length > 0) {
    return shareWithNewRows(synced, new Set(addedRows));
  }
  return { ok: true, value: synced, notices: [] };
}

/**
 * Teams in row order: the plan's teams that still have reps, or that are
 * team rows with figures of their own, then new teams in order of first
 * appearance; reps in no team last.
 */
function syncTeams(plan: TargetPlan, people: readonly PlanPerson[]): PlanTeam[] {
  const peopleTeams = new Set(people.map((person) => person.team));
  const kept = plan.teams.filter(
    (team) =>
      team.name !== '' && (peopleTeams.has(team.name) || !isEmptyRow(plan, teamRowKey(team.name))),
  );
  const names = new Set(kept.map((team) => team.name));
  const added: PlanTeam[] = [];
  for (const person of people) {
    if (person.team === '' || names.has(person.team)) continue;
    names.add(person.team);
    added.push({ name: person.team });
  }
  const noTeam = peopleTeams.has('') ? [{ name: '' }] : [];
  return [...kept, ...added, ...noTeam];
}

/**
 * The people split that gives new rows their share. A `manual` split has
 * no amount for a new row, so new and old rows count as one rep each.
 */
export function shareSplit(split: PeopleSplit): PeopleSplit {
  return split.method === 'manual' ? { method: 'even' } : split;
}

/**
 * Gives each new row its share of each month's unlocked amount: the month's
 * unlocked cells are split between the old and the new rows by the people
 * split's weights times the employed share of the month, the old rows'
 * part by their current values and the new rows' part by their weights.
 * Each month's total stays as it was, so locks on the company row keep
 * their values; locks on a team or a rep freeze the cells under them.
 */
function shareWithNewRows(
  plan: TargetPlan,
  newRows: ReadonlySet<string>,
): TargetResult<TargetPlan> {
  const leaves = listLeafRows(plan);
  const peopleByRow = new Map(plan.people.map((person) => [personRowKey(person.id), person]));
  const split = peopleSplitWeights(shareSplit(plan.peopleSplit), leaves, peopleByRow);
  if (!split.ok) return split;

  const fractions = activeFractionsByRow(plan);
  const frozen = frozenMonthsByRow({
    ...plan,
    locks: plan.locks.filter((key) => parseCellKey(key)?.row !== COMPANY_ROW),
  });
  const isFree = (row: string, month: number): boolean =>
    (fractions.get(row)?.[month] ?? 0) > 0 && !frozen.get(row)?.has(month);
  const weightOf = (row: string, month: number): number =>
    isFree(row, month) ? (split.weights.get(row) ?? 0) * (fractions.get(row)?.[month] ?? 0) : 0;

  const oldRows = leaves.filter((row) => !newRows.has(row));
  const addedRows = leaves.filter((row) => newRows.has(row));
  const oldTotals: number[] = [];
  const newTotals: number[] = [];
  for (let month = 0; month < 12; month++) {
    const free = oldRows.reduce(
      (sum, row) => sum + (isFree(row, month) ? (plan.values[row]?.[month] ?? 0) : 0),
      0,
    );
    const oldWeight = oldRows.reduce((sum, row) => sum + weightOf(row, month), 0);
    const newWeight = addedRows.reduce((sum, row) => sum + weightOf(row, month), 0);
    const [oldPart, newPart] =
      free > 0 && newWeight > 0 ? apportion(free, [oldWeight, newWeight]) : [free, 0];
    oldTotals.push(oldPart ?? free);
    newTotals.push(newPart ?? 0);
  }

  // Rows are the lines of the rounding table here transposed: months are lines, rows positions.
  const oldWeights = oldRows.map((row) =>
    Array.from({ length: 12 }, (_, month) =>
      isFree(row, month) ? (plan.values[row]?.[month] ?? 0) : 0,
    ),
  );
  const newWeights = addedRows.map((row) =>
    Array.from({ length: 12 }, (_, month) => weightOf(row, month)),
  );
  const oldSpread = transpose(roundTableByLines(oldTotals, transpose(oldWeights)));
  const newSpread = transpose(roundTableByLines(newTotals, transpose(newWeights)));

  const values = { ...plan.values };
  const write = (rows: readonly string[], spread: number[][]) =>
    rows.forEach((row, index) => {
      const rowValues = [...(values[row] ?? new Array<number>(12).fill(0))];
      for (let month = 0; month < 12; month++) {
        if (isFree(row, month)) rowValues[month] = spread[index]?.[month] ?? 0;
      }
      values[row] = rowValues;
    });
  write(oldRows, oldSpread);
  write(addedRows, newSpread);
  return { ok: true, value: { ...plan, values }, notices: split.notices };
}
