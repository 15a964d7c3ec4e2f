import { createEmptyState, type AllocationState, type StateDelta } from '@sras/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The allocation state of a workspace lives in `allocation_state` as one row
 * per entry, so that a batch reads only the entries it can touch and writes
 * only what the engine reports as changed:
 *
 * | scope                       | key                 | value            |
 * | `rr:<flowId>`               | `<nodeId>\t<repId>` | current weight   |
 * | `quota:<flowId>:<period>`   | `<nodeId>\t<per>`   | leads passed     |
 * | `assigned:<period>`         | `<repId>`           | leads assigned   |
 * | `dedup`                     | `phone:138…` and so on | owner id or null |
 *
 * Periods are the engine's keys (`2026-12-05`, `2026-W49`, `2026-12`,
 * `total`), so one query by scope reads every counter of the current
 * periods. Round-robin weights and quotas belong to one flow because node
 * ids are local to a flow. Rep counters and dedup keys belong to the
 * workspace, so a rep's capacity counts leads from every flow and one phone
 * keeps one owner.
 */

const SEPARATOR = '\t';
const DEDUP_SCOPE = 'dedup';
const ROUND_ROBIN_PREFIX = 'rr:';
const QUOTA_PREFIX = 'quota:';
const ASSIGNED_PREFIX = 'assigned:';
const roundRobinScope = (flowId: string): string => ROUND_ROBIN_PREFIX + flowId;
const quotaScope = (flowId: string, period: string): string => `${QUOTA_PREFIX}${flowId}:${period}`;
const assignedScope = (period: string): string => ASSIGNED_PREFIX + period;

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
  const state = createEmptyState();
  const { flowId, periods } = needs;
  const scopes = [
    roundRobinScope(flowId),
    ...periods.map((period) => quotaScope(flowId, period)),
    ...periods.filter((period) => period !== 'total').map(assignedScope),
  ];

  const rows = await db
    .selectFrom('allocation_state')
    .select(['scope', 'key', 'value'])
    .where('workspace_id', '=', workspaceId)
    .where('scope', 'in', scopes)
    .execute();
  for (const row of rows) {
    if (row.scope.startsWith(ROUND_ROBIN_PREFIX)) {
      const [nodeId = '', repId = ''] = row.key.split(SEPARATOR);
      (state.roundRobin[nodeId] ??= {})[repId] = Number(row.value);
    } else if (row.scope.startsWith(QUOTA_PREFIX)) {
      const period = row.scope.slice(QUOTA_PREFIX.length + flowId.length + 1);
      const [nodeId = '', perValue = ''] = row.key.split(SEPARATOR);
      ((state.quota[nodeId] ??= {})[period] ??= {})[perValue] = Number(row.value);
    } else {
      const period = row.scope.slice(ASSIGNED_PREFIX.length);
      (state.assigned[row.key] ??= {})[period] = Number(row.value);
    }
  }

  for (const keys of chunk([...new Set(needs.dedupKeys)], 500)) {
    const dedupRows = await db
      .selectFrom('allocation_state')
      .select(['key', 'value'])
      .where('workspace_id', '=', workspaceId)
      .where('scope', '=', DEDUP_SCOPE)
      .where('key', 'in', keys)
      .execute();
    for (const row of dedupRows) state.dedup[row.key] = JSON.parse(row.value) as string | null;
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
      scope: quotaScope(flowId, entry.period),
      key: entry.nodeId + SEPARATOR + entry.value,
      value: String(entry.count),
    })),
    ...delta.assigned.map((entry) => ({
      scope: assignedScope(entry.period),
      key: entry.repId,
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
  for (let start = 0; start < items.length; start += size)
    parts.push(items.slice(start, start + size));
  return parts;
}
