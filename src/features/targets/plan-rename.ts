/**
 * Names in stored plans. A plan stores a snapshot of its rows: team rows are
 * keyed by the team's name (`team:<name>`) and rep rows by the rep's id
 * (`rep:<id>`), each with the name it had when the plan was made.
 *
 * A team rename is carried into every stored plan, because the name is the
 * team row's identity there. A rep rename needs no change to stored plans:
 * screens show the rep's current name by id (`withCurrentNames`).
 */
import { cellKey, parseCellKey, teamRowKey } from './plan-grid';
import type { PeopleSplit, PlanSplitNote, TargetPlan } from './target-plan.types';

/** Returns true when the plan has a team row, or a rep, under this team name. */
export function planHasTeam(plan: Pick<TargetPlan, 'teams' | 'people'>, name: string): boolean {
  return (
    plan.teams.some((team) => team.name === name) ||
    plan.people.some((person) => person.team === name)
  );
}

/**
 * Returns the plan with team `from` named `to`: its team row, its reps'
 * team, and the row key `team:<from>` in values, locks, split inputs and
 * split notes. Figures, status and `updatedAt` stay as they are, because
 * the rename changes a label, not the plan. Returns the plan itself when it
 * has no team `from`. The caller checks that the plan has no team `to`
 * (`planHasTeam`), since the two teams' rows would merge.
 */
export function renamePlanTeam(plan: TargetPlan, from: string, to: string): TargetPlan {
  if (from === to || from === '' || !planHasTeam(plan, from)) return plan;

  const oldKey = teamRowKey(from);
  const newKey = teamRowKey(to);
  const renameKey = (key: string) => (key === oldKey ? newKey : key);

  return {
    ...plan,
    teams: plan.teams.map((team) => (team.name === from ? { ...team, name: to } : team)),
    people: plan.people.map((person) => (person.team === from ? { ...person, team: to } : person)),
    values: renameRecordKeys(plan.values, renameKey),
    locks: plan.locks.map((lock) => {
      const cell = parseCellKey(lock);
      return cell ? cellKey({ ...cell, row: renameKey(cell.row) }) : lock;
    }),
    peopleSplit: renameSplitKeys(plan.peopleSplit, renameKey),
    ...(plan.splitNotes
      ? { splitNotes: plan.splitNotes.map((note) => renameNoteRows(note, renameKey)) }
      : {}),
  };
}

function renameRecordKeys<T>(
  record: Record<string, T>,
  renameKey: (key: string) => string,
): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [renameKey(key), value]));
}

function renameSplitKeys(split: PeopleSplit, renameKey: (key: string) => string): PeopleSplit {
  if (split.method === 'lastPeriod') {
    return { ...split, results: renameRecordKeys(split.results, renameKey) };
  }
  if (split.method === 'manual') {
    return { ...split, amounts: renameRecordKeys(split.amounts, renameKey) };
  }
  return split;
}

function renameNoteRows(note: PlanSplitNote, renameKey: (key: string) => string): PlanSplitNote {
  if (note.code === 'people-without-results' || note.code === 'rows-inactive-all-year') {
    return { ...note, rows: note.rows.map(renameKey) };
  }
  return note;
}

/**
 * Returns the plan with each rep's current name, by id, for display. A rep
 * no longer stored keeps the plan's name, passed through `removedName` so
 * the screen can mark it. Returns the plan itself when no name changes.
 * The result is for display and export only, because saving it would
 * store the marks in the plan.
 */
export function withCurrentNames(
  plan: TargetPlan,
  currentNames: ReadonlyMap<string, string>,
  removedName: (storedName: string) => string,
): TargetPlan {
  let changed = false;
  const people = plan.people.map((person) => {
    const current = currentNames.get(person.id);
    const name = current ?? removedName(person.name);
    if (name === person.name) return person;
    changed = true;
    return { ...person, name };
  });
  return changed ? { ...plan, people } : plan;
}
