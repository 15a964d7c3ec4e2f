import { createEmptyState, type AllocationState, type StateDelta } from '@sras/engine';
import type { Kysely } from 'kysely';
import { PreparedQuery, type Slots } from '../db/prepared-query.js';
import type { Database } from '../db/schema.js';

/**
 * The allocation state of a workspace lives in `allocation_state`, one row
 * per group of entries that a run reads and writes together, so that a batch
 * touches a handful of rows:
 *
 * | scope                     | key          | value (JSON)                 |
 * | `rr:<flowId>`             | node id      | `{ repId: current weight }`  |
 * | `quota:<flowId>:<period>` | node id      | `{ perValue: leads passed }` |
 * | `assigned:<period>`       | `*`          | `{ repId: leads assigned }`  |
 * | `dedup`                   | `phone:138…` | owner id or null             |
 *
 * Periods are the engine's keys (`2026-12-05`, `2026-W49`, `2026-12`,
 * `total`), so one query by scope reads every counter of the current
 * periods. Round-robin weights and quotas belong to one flow because node
 * ids are local to a flow. Rep counters and dedup keys belong to the
 * workspace, so a rep's capacity counts leads from every flow and one phone
 * keeps one owner. Rows are rewritten whole, which is safe because writes of
 * one workspace are serialised.
 */

const ALL_REPS_KEY = '*';
const DEDUP_KEYS_PER_QUERY = 500;
/** The scope of dedup key rows. */
export const DEDUP_SCOPE = 'dedup';
const ROUND_ROBIN_PREFIX = 'rr:';
const QUOTA_PREFIX = 'quota:';
const ASSIGNED_PREFIX = 'assigned:';
const roundRobinScope = (flowId: string): string => ROUND_ROBIN_PREFIX + flowId;
const quotaScope = (flowId: string, period: string): string => `${QUOTA_PREFIX}${flowId}:${period}`;
const assignedScope = (period: string): string => ASSIGNED_PREFIX + period;

const selectCounters = new PreparedQuery(
  (db, slots: Slots<{ workspaceId: string; scopes: string[] }>) =>
    db
      .selectFrom('allocation_state')
      .select(['scope', 'key', 'value'])
      .where('workspace_id', '=', slots.value('workspaceId'))
      .where('scope', 'in', slots.list('scopes')),
);

const selectDedupKeys = new PreparedQuery(
  (db, slots: Slots<{ workspaceId: string; keys: readonly string[] }>) =>
    db
      .selectFrom('allocation_state')
      .select(['scope', 'key', 'value'])
      .where('workspace_id', '=', slots.value('workspaceId'))
      .where('scope', '=', DEDUP_SCOPE)
      .where('key', 'in', slots.list('keys')),
);

const selectCountersAndKeys = new PreparedQuery(
  (db, slots: Slots<{ workspaceId: string; scopes: string[]; keys: readonly string[] }>) =>
    db
      .selectFrom('allocation_state')
      .select(['scope', 'key', 'value'])
      .where('workspace_id', '=', slots.value('workspaceId'))
      .where('scope', 'in', slots.list('scopes'))
      .unionAll(
        db
          .selectFrom('allocation_state')
          .select(['scope', 'key', 'value'])
          .where('workspace_id', '=', slots.value('workspaceId'))
          .where('scope', '=', DEDUP_SCOPE)
          .where('key', 'in', slots.list('keys')),
      ),
);

/** One row of `allocation_state` within a workspace. */
export interface StateRow {
  scope: string;
  key: string;
  /** JSON text. */
  value: string;
}

const upsertRows = new PreparedQuery(
  (db, slots: Slots<{ workspaceId: string; rows: StateRow[] }>) =>
    db
      .insertInto('allocation_state')
      .values(
        slots.rows('rows', ['scope', 'key', 'value']).map((row) => ({
          workspace_id: slots.value('workspaceId'),
          ...row,
        })),
      )
      .onConflict((conflict) =>
        conflict
          .columns(['workspace_id', 'scope', 'key'])
          .doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
      ),
);

/** What one batch can read: the periods its leads fall in and the batch's dedup keys. */
export interface StateNeeds {
  flowId: string;
  /** Period keys the batch counts against, `total` included. */
  periods: readonly string[];
  dedupKeys: readonly string[];
}

/** Reads the entries a batch needs and builds the engine's state from them. */
export async function loadState(
  db: Kysely<Database>,
  workspaceId: string,
  needs: StateNeeds,
): Promise<AllocationState> {
  const scopes = counterScopes(needs);

  // The counter rows and the first dedup keys come in one query, because on
  // PostgreSQL every query under the workspace lock costs a round trip. It is
  // a UNION ALL rather than an OR, so that SQLite uses the primary key index
  // for both parts instead of scanning the table.
  const dedupChunks = chunk([...new Set(needs.dedupKeys)], DEDUP_KEYS_PER_QUERY);
  const firstKeys = dedupChunks[0] ?? [];
  const rows =
    firstKeys.length === 0
      ? await selectCounters.rows(db, { workspaceId, scopes })
      : await selectCountersAndKeys.rows(db, { workspaceId, scopes, keys: firstKeys });
  for (const keys of dedupChunks.slice(1)) {
    rows.push(...(await selectDedupKeys.rows(db, { workspaceId, keys })));
  }
  return stateFromRows(rows, needs.flowId);
}

/** Lists the scopes of the counter rows a batch reads: its flow's weights and quotas, and the rep counters. */
export function counterScopes(needs: StateNeeds): string[] {
  const { flowId, periods } = needs;
  return [
    roundRobinScope(flowId),
    ...periods.map((period) => quotaScope(flowId, period)),
    ...periods.filter((period) => period !== 'total').map(assignedScope),
  ];
}

/** Builds the engine's state from the rows read for a batch of `flowId`. */
export function stateFromRows(rows: readonly StateRow[], flowId: string): AllocationState {
  const state = createEmptyState();
  const assignedRows = new Map<string, Record<string, number>>();
  for (const row of rows) {
    if (row.scope === DEDUP_SCOPE) {
      setOwn(state.dedup, row.key, JSON.parse(row.value) as string | null);
      continue;
    }
    const values = JSON.parse(row.value) as Record<string, number>;
    if (row.scope.startsWith(ROUND_ROBIN_PREFIX)) {
      setOwn(state.roundRobin, row.key, values);
    } else if (row.scope.startsWith(QUOTA_PREFIX)) {
      const period = row.scope.slice(QUOTA_PREFIX.length + flowId.length + 1);
      setOwn(ownRecord(state.quota, row.key), period, values);
    } else {
      const period = row.scope.slice(ASSIGNED_PREFIX.length);
      assignedRows.set(period, values);
      for (const [repId, count] of Object.entries(values))
        setOwn(ownRecord(state.assigned, repId), period, count);
    }
  }
  loadedAssignedRows.set(state, assignedRows);
  return state;
}

/**
 * The rep counter rows as loadState parsed them, per period, so that
 * writeStateDelta starts a changed row from it instead of collecting the
 * period's counts from every rep of the state.
 */
const loadedAssignedRows = new WeakMap<AllocationState, Map<string, Record<string, number>>>();

/**
 * Sets an own property even for a key such as `__proto__`: rep ids, node ids
 * and dedup keys come from users, and a plain assignment with that key would
 * change the record's prototype instead of storing the value.
 */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` has a setter on a plain object; defineProperty costs
  // several times a plain assignment, and loadState runs per request.
  if (key !== '__proto__') {
    record[key] = value;
    return;
  }
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Returns the record stored under `key`, created as an own property when missing. */
function ownRecord<T>(record: Record<string, Record<string, T>>, key: string): Record<string, T> {
  if (Object.hasOwn(record, key)) return record[key] as Record<string, T>;
  const created: Record<string, T> = {};
  setOwn(record, key, created);
  return created;
}

/**
 * Writes the rows that a run changed, in the caller's transaction. Each row
 * the delta touches is the row as `loadState` read it (into `base`, the
 * state the run started from) with the delta's entries set, in the engine's
 * canonical form: keys sorted, zero counters and weights left out. So the
 * run returns only its delta (`runner.runDelta`) and the rows equal those
 * of the full new state.
 */
export async function writeStateDelta(
  db: Kysely<Database>,
  workspaceId: string,
  flowId: string,
  delta: StateDelta,
  base: AllocationState,
): Promise<void> {
  // `delta.removed` is not applied: it names counters of past periods, which
  // loadState never loads. Their rows are deleted by pruneExpiredStateRows
  // (state-pruning.ts), which the server runs every hour.
  for (const part of chunk(changedStateRows(flowId, delta, base), 200)) {
    await upsertRows.execute(db, { workspaceId, rows: part });
  }
}

/**
 * Returns the rows a run changed, as writeStateDelta writes them: each row
 * as it was loaded into `base` with the delta's entries set, and the new
 * dedup keys.
 */
export function changedStateRows(
  flowId: string,
  delta: StateDelta,
  base: AllocationState,
): StateRow[] {
  // Changes are kept in Maps, so that a rep id or value such as `__proto__` stays an entry.
  const rows = new Map<
    string,
    { scope: string; key: string; loaded: Record<string, unknown>; changes: Map<string, unknown> }
  >();
  const rowOf = (scope: string, key: string, loaded: () => Record<string, unknown>) => {
    const id = `${scope}\u0000${key}`;
    let row = rows.get(id);
    if (row === undefined) {
      row = { scope, key, loaded: loaded(), changes: new Map() };
      rows.set(id, row);
    }
    return row.changes;
  };
  const assignedRows = loadedAssignedRows.get(base);

  for (const { nodeId, repId, weight } of delta.roundRobin) {
    rowOf(roundRobinScope(flowId), nodeId, () => base.roundRobin[nodeId] ?? {}).set(repId, weight);
  }
  for (const { nodeId, period, value, count } of delta.quota) {
    const loaded = () => base.quota[nodeId]?.[period] ?? {};
    rowOf(quotaScope(flowId, period), nodeId, loaded).set(value, count);
  }
  for (const { repId, period, count } of delta.assigned) {
    const loaded = () => assignedRows?.get(period) ?? countsOfPeriod(base, period);
    rowOf(assignedScope(period), ALL_REPS_KEY, loaded).set(repId, count);
  }
  const dedupRows = delta.dedup.map(({ key, ownerId }) => ({
    scope: DEDUP_SCOPE,
    key,
    value: JSON.stringify(ownerId),
  }));
  const written = [...rows.values()].map(({ scope, key, loaded, changes }) => ({
    scope,
    key,
    value: JSON.stringify(canonicalCounts(loaded, changes)),
  }));
  return [...written, ...dedupRows];
}

/** Returns the counts of every rep in one period: the entries of that period's row. */
function countsOfPeriod(state: AllocationState, period: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [repId, periods] of Object.entries(state.assigned)) {
    const count = periods[period];
    if (count !== undefined) counts[repId] = count;
  }
  return counts;
}

/**
 * Returns a row's numbers, the loaded ones with `changes` set, in the
 * engine's canonical state form: keys sorted by UTF-16 code units and zeros
 * left out. Keys are set as own properties, so `__proto__` is an ordinary entry.
 */
function canonicalCounts(
  loaded: Readonly<Record<string, unknown>>,
  changes: ReadonlyMap<string, unknown>,
): Record<string, unknown> {
  const keys = Object.keys(loaded);
  for (const key of changes.keys()) if (!Object.hasOwn(loaded, key)) keys.push(key);
  keys.sort(compareCodeUnits);

  const row: Record<string, unknown> = {};
  for (const key of keys) {
    const value = changes.has(key) ? changes.get(key) : loaded[key];
    if (value !== 0) setOwn(row, key, value);
  }
  return row;
}

function compareCodeUnits(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    parts.push(items.slice(start, start + size));
  return parts;
}
