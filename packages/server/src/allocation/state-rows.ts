import { createEmptyState, type AllocationState, type StateDelta } from '@sras/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The allocation state of a workspace lives in `allocation_state` as one row
 * per entry, so that a batch reads only the entries it can touch and writes
 * only what the engine reports as changed:
 *
 * | scope              | key                         | value            |
 * | `rr:<flowId>`      | `<nodeId>\t<repId>`         | current weight   |
 * | `quota:<flowId>`   | `<nodeId>\t<period>\t<per>` | leads passed     |
 * | `assigned`         | `<repId>\t<period>`         | leads assigned   |
 * | `dedup`            | `phone:138…` and so on      | owner id or null |
 *
 * Round-robin weights and quotas belong to one flow because node ids are
 * local to a flow. Rep counters and dedup keys belong to the workspace, so a
 * rep's capacity counts leads from every flow and one phone keeps one owner.
 */

const SEPARATOR = '\t';
const ASSIGNED_SCOPE = 'assigned';
const DEDUP_SCOPE = 'dedup';
const roundRobinScope = (flowId: string): string => `rr:${flowId}`;
const quotaScope = (flowId: string): string => `quota:${flowId}`;

/** What one batch can read: the periods its leads fall in, the team, and the batch's dedup keys. */
export interface StateNeeds {
  flowId: string;
  /** Period keys the batch counts against, `total` included. */
  periods: readonly string[];
  repIds: readonly string[];
  dedupKeys: readonly string[];
}

/** Reads the entries a batch needs and builds the engine's state from them. */
export async function loadState(
  db: Kysely<Database>,
  workspaceId: string,
  needs: StateNeeds,
): Promise<AllocationState> {
  const state = createEmptyState();
  const periods = new Set(needs.periods);

  const flowRows = await db
    .selectFrom('allocation_state')
    .select(['scope', 'key', 'value'])
    .where('workspace_id', '=', workspaceId)
    .where('scope', 'in', [roundRobinScope(needs.flowId), quotaScope(needs.flowId)])
    .execute();
  for (const row of flowRows) {
    const parts = row.key.split(SEPARATOR);
    if (row.scope.startsWith('rr:')) {
      const [nodeId = '', repId = ''] = parts;
      (state.roundRobin[nodeId] ??= {})[repId] = Number(row.value);
      continue;
    }
    const [nodeId = '', period = '', perValue = ''] = parts;
    // Counters of past periods can never count again, so they are not loaded.
    if (!periods.has(period)) continue;
    ((state.quota[nodeId] ??= {})[period] ??= {})[perValue] = Number(row.value);
  }

  const assignedKeys = needs.repIds.flatMap((repId) =>
    needs.periods.filter((period) => period !== 'total').map((period) => repId + SEPARATOR + period),
  );
  for (const keys of chunk(assignedKeys, 500)) {
    const rows = await db
      .selectFrom('allocation_state')
      .select(['key', 'value'])
      .where('workspace_id', '=', workspaceId)
      .where('scope', '=', ASSIGNED_SCOPE)
      .where('key', 'in', keys)
      .execute();
    for (const row of rows) {
      const [repId = '', period = ''] = row.key.split(SEPARATOR);
      (state.assigned[repId] ??= {})[period] = Number(row.value);
    }
  }

  for (const keys of chunk([...new Set(needs.dedupKeys)], 500)) {
    const rows = await db
      .selectFrom('allocation_state')
      .select(['key', 'value'])
      .where('workspace_id', '=', workspaceId)
      .where('scope', '=', DEDUP_SCOPE)
      .where('key', 'in', keys)
      .execute();
    for (const row of rows) state.dedup[row.key] = JSON.parse(row.value) as string | null;
  }
  return state;
}

/** Writes what a run changed, in the caller's transaction. */
export async function writeStateDelta(
  db: Kysely<Database>,
  workspaceId: string,
  flowId: string,
  delta: StateDelta,
): Promise<void> {
  const rows = [
    ...delta.roundRobin.map((entry) => ({
      scope: roundRobinScope(flowId),
      key: entry.nodeId + SEPARATOR + entry.repId,
      value: String(entry.weight),
    })),
    ...delta.quota.map((entry) => ({
      scope: quotaScope(flowId),
      key: [entry.nodeId, entry.period, entry.value].join(SEPARATOR),
      value: String(entry.count),
    })),
    ...delta.assigned.map((entry) => ({
      scope: ASSIGNED_SCOPE,
      key: entry.repId + SEPARATOR + entry.period,
      value: String(entry.count),
    })),
    ...delta.dedup.map((entry) => ({
      scope: DEDUP_SCOPE,
      key: entry.key,
      value: JSON.stringify(entry.ownerId),
    })),
  ];

  // NOTE: `delta.removed` is not applied. It names counters of past periods,
  // and loadState never loads those, so the engine has none to drop. Rows of
  // past periods stay in the table and are never read again.
  for (const part of chunk(rows, 200)) {
    await db
      .insertInto('allocation_state')
      .values(part.map((row) => ({ workspace_id: workspaceId, ...row })))
      .onConflict((conflict) =>
        conflict
          .columns(['workspace_id', 'scope', 'key'])
          .doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
      )
      .execute();
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size) parts.push(items.slice(start, start + size));
  return parts;
}
