/**
 * The only module that writes reps and teams. A rep's `team` is the team's
 * name ('' for none), so renaming or deleting a team updates its reps in the
 * same transaction. A rename also renames the team in stored target plans,
 * whose team rows are keyed by name. Every action runs in one read-write
 * transaction, so a failed action (or a full disk, `StorageFullError`)
 * changes nothing.
 * The editor's rep pickers read the same `reps` table.
 */
import type { RepTableEntry, RepTableField, RepTableResult } from '@sras/import';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase, type SrasDatabase } from '../../storage/db';
import { createId } from '../../storage/ids';
import type { TeamRecord } from '../../storage/records';
import { writeTransaction } from '../../storage/storage-full';
import { renameTeamInPlans } from '../targets/target-plan.repository';
import { withFormerNames, type StoredRep } from './rep-draft';

/** Raised when an action would break a rule of the team data; `messageKey` is in the `team` namespace. */
export class TeamRuleError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string> = {},
  ) {
    super(`Team rule broken: ${messageKey}`);
    this.name = 'TeamRuleError';
  }
}

/** Every rep, sorted by name as Chinese readers expect (by pinyin), like the targets grid. */
export async function listReps(): Promise<StoredRep[]> {
  const reps = (await getDatabase().reps.toArray()) as StoredRep[];
  return reps.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}

export async function listTeams(): Promise<TeamRecord[]> {
  return getDatabase().teams.orderBy('name').toArray();
}

/** Adds a rep; its id must be new. Creates its team when no team has that name. */
export async function addRep(rep: StoredRep): Promise<void> {
  await writeTransaction(
    (db) => [db.reps, db.teams],
    async (db) => {
      if (await db.reps.get(rep.id)) throw new TeamRuleError('errors.idTaken', { id: rep.id });
      await ensureTeams(db, [rep.team], Date.now());
      await db.reps.add(rep);
    },
  );
}

/**
 * Replaces a stored rep (same id). Creates its team when no team has that
 * name. A rename records the old name in `formerNames` in the same write.
 */
export async function updateRep(rep: StoredRep): Promise<void> {
  await writeTransaction(
    (db) => [db.reps, db.teams],
    async (db) => {
      const stored = (await db.reps.get(rep.id)) as StoredRep | undefined;
      if (!stored) throw new TeamRuleError('errors.repMissing', { id: rep.id });
      await ensureTeams(db, [rep.team], Date.now());
      await db.reps.put(withFormerNames(stored, rep));
    },
  );
}

/** Activates or deactivates a rep; a deactivated rep gets no leads but stays in flows and reports. */
export async function setRepActive(repId: string, active: boolean): Promise<void> {
  await writeTransaction(
    (db) => [db.reps],
    async (db) => {
      const updated = await db.reps.update(repId, { active, updatedAt: Date.now() });
      if (updated === 0) throw new TeamRuleError('errors.repMissing', { id: repId });
    },
  );
}

export async function deleteRep(repId: string): Promise<void> {
  await writeTransaction(
    (db) => [db.reps],
    (db) => db.reps.delete(repId),
  );
}

/** Adds a team; names are unique after trimming and regardless of case. */
export async function addTeam(name: string): Promise<TeamRecord> {
  const trimmed = name.trim();
  if (trimmed === '') throw new TeamRuleError('errors.teamNameRequired');

  return writeTransaction(
    (db) => [db.teams],
    async (db) => {
      if (await db.teams.where('name').equalsIgnoreCase(trimmed).first()) {
        throw new TeamRuleError('errors.teamTaken', { name: trimmed });
      }
      const team: TeamRecord = { id: createId('team'), name: trimmed, createdAt: Date.now() };
      await db.teams.add(team);
      return team;
    },
  );
}

/**
 * Renames a team, moves its reps to the new name and renames its rows in
 * stored target plans, all in one transaction. Rejects a name that a plan
 * with this team already uses for another team.
 */
export async function renameTeam(teamId: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (trimmed === '') throw new TeamRuleError('errors.teamNameRequired');

  await writeTransaction(
    (db) => [db.teams, db.reps, db.targetPlans],
    async (db) => {
      const team = await db.teams.get(teamId);
      if (!team) throw new TeamRuleError('errors.teamMissing');
      const clash = await db.teams
        .where('name')
        .equalsIgnoreCase(trimmed)
        .filter((other) => other.id !== teamId)
        .first();
      if (clash) throw new TeamRuleError('errors.teamTaken', { name: trimmed });

      const conflicts = await renameTeamInPlans(db, team.name, trimmed);
      const conflict = conflicts[0];
      if (conflict) {
        throw new TeamRuleError('errors.teamNameInPlan', {
          name: trimmed,
          plan: conflict.name,
          version: String(conflict.version),
        });
      }

      const now = Date.now();
      await db.teams.update(teamId, { name: trimmed });
      await db.reps.where('team').equals(team.name).modify({ team: trimmed, updatedAt: now });
    },
  );
}

/** Deletes a team; its reps stay, in no team. */
export async function deleteTeam(teamId: string): Promise<void> {
  await writeTransaction(
    (db) => [db.teams, db.reps],
    async (db) => {
      const team = await db.teams.get(teamId);
      if (!team) return;
      await db.reps.where('team').equals(team.name).modify({ team: '', updatedAt: Date.now() });
      await db.teams.delete(teamId);
    },
  );
}

/**
 * Creates a team for every name that has none. Runs inside the caller's
 * transaction and returns a Dexie promise on purpose: awaiting a native
 * async function that made no IndexedDB request lets Dexie lose the
 * transaction, so the next write would run, and commit, on its own.
 */
function ensureTeams(db: SrasDatabase, names: Iterable<string>, now: number) {
  const wanted = [...new Set(names)].filter((name) => name !== '');
  return db.teams
    .where('name')
    .anyOf(wanted)
    .toArray()
    .then((existing) => {
      const known = new Set(existing.map((team) => team.name));
      const missing = wanted.filter((name) => !known.has(name));
      return db.teams.bulkAdd(
        missing.map((name) => ({ id: createId('team'), name, createdAt: now })),
      );
    });
}

/** `merge`: add new reps and update those in the file; `replace`: also delete reps not in the file. */
export type RepImportMode = 'merge' | 'replace';

export interface RepImportPlan {
  reps: StoredRep[];
  added: number;
  updated: number;
  unchanged: number;
  /** Ids of stored reps the import deletes (`replace` only). */
  removed: string[];
  newTeams: string[];
}

/**
 * Works out what importing a rep table does to the stored reps. An update
 * changes only the fields whose column the file has, so a file without a
 * weight column keeps every rep's weight.
 */
export function planRepImport(
  stored: readonly StoredRep[],
  teams: readonly TeamRecord[],
  table: Pick<RepTableResult, 'reps' | 'columns' | 'teams'>,
  mode: RepImportMode,
  now: number,
): RepImportPlan {
  const byId = new Map(stored.map((rep) => [rep.id, rep]));
  const columns = new Set(table.columns);
  const reps: StoredRep[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;

  for (const entry of table.reps) {
    const existing = byId.get(entry.id);
    if (!existing) {
      reps.push(fromEntry(entry, now));
      added++;
      continue;
    }
    const merged = mergeEntry(existing, entry, columns);
    if (sameRep(existing, merged)) {
      unchanged++;
      continue;
    }
    reps.push({ ...merged, updatedAt: now });
    updated++;
  }

  const inFile = new Set(table.reps.map((entry) => entry.id));
  const removed =
    mode === 'replace' ? stored.filter((rep) => !inFile.has(rep.id)).map((rep) => rep.id) : [];
  const known = new Set(teams.map((team) => team.name));
  const newTeams = table.teams.filter((name) => !known.has(name));
  return { reps, added, updated, unchanged, removed, newTeams };
}

/**
 * Reps written per request batch. Each batch starts from the previous one's
 * success event, so the structured cloning of a large team is spread over
 * tasks of a few milliseconds each instead of one long task.
 */
export const REP_WRITE_CHUNK = 100;

/** Applies a plan in one transaction: everything is saved, or nothing. */
export async function applyRepImport(plan: RepImportPlan): Promise<void> {
  await writeTransaction(
    (db) => [db.reps, db.teams],
    async (db) => {
      const now = Date.now();
      await ensureTeams(db, plan.newTeams, now);
      for (let from = 0; from < plan.removed.length; from += REP_WRITE_CHUNK) {
        await db.reps.bulkDelete(plan.removed.slice(from, from + REP_WRITE_CHUNK));
      }
      for (let from = 0; from < plan.reps.length; from += REP_WRITE_CHUNK) {
        await db.reps.bulkPut(plan.reps.slice(from, from + REP_WRITE_CHUNK));
      }
    },
  );
}

function fromEntry(entry: RepTableEntry, now: number): StoredRep {
  return {
    createdAt: now,
    updatedAt: now,
    id: entry.id,
    name: entry.name,
    team: entry.team,
    active: entry.active,
    weight: entry.weight,
    capacity: entry.capacity,
    openLeads: entry.openLeads,
    unavailable: entry.unavailable,
    ...(entry.employmentStart ? { employmentStart: entry.employmentStart } : {}),
    ...(entry.employmentEnd ? { employmentEnd: entry.employmentEnd } : {}),
  };
}

const CAPACITY_COLUMNS: readonly [RepTableField, 'day' | 'week' | 'month'][] = [
  ['capacityDay', 'day'],
  ['capacityWeek', 'week'],
  ['capacityMonth', 'month'],
];

function mergeEntry(
  existing: StoredRep,
  entry: RepTableEntry,
  columns: ReadonlySet<RepTableField>,
): StoredRep {
  const merged: StoredRep = withFormerNames(existing, { ...existing, name: entry.name });
  if (columns.has('team')) merged.team = entry.team;
  if (columns.has('active')) merged.active = entry.active;
  if (columns.has('weight')) merged.weight = entry.weight;
  if (columns.has('openLeads')) merged.openLeads = entry.openLeads;
  if (columns.has('unavailable')) merged.unavailable = entry.unavailable;

  const capacity = { ...existing.capacity };
  for (const [column, period] of CAPACITY_COLUMNS) {
    if (!columns.has(column)) continue;
    const value = entry.capacity[period];
    if (value === undefined) delete capacity[period];
    else capacity[period] = value;
  }
  merged.capacity = capacity;

  for (const field of ['employmentStart', 'employmentEnd'] as const) {
    if (!columns.has(field)) continue;
    const value = entry[field];
    if (value) merged[field] = value;
    else delete merged[field];
  }
  return merged;
}

function sameRep(a: StoredRep, b: StoredRep): boolean {
  const { updatedAt: _a, ...left } = a;
  const { updatedAt: _b, ...right } = b;
  return JSON.stringify(normalise(left)) === JSON.stringify(normalise(right));
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined && entry !== null)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => [key, normalise(entry)]),
    );
  }
  return value;
}

/** Every rep by name, or undefined while loading; kept current. */
export function useReps(): StoredRep[] | undefined {
  return useLiveQuery(() => listReps(), []);
}

/** Every team by name, or undefined while loading; kept current. */
export function useTeams(): TeamRecord[] | undefined {
  return useLiveQuery(() => listTeams(), []);
}
