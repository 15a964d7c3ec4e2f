import { COUNTER_RETENTION_DAYS, isPeriodExpired } from '@sras/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

const DAY_MS = 86_400_000;
const QUOTA_PREFIX = 'quota:';
const ASSIGNED_PREFIX = 'assigned:';

/**
 * Deletes the quota and capacity counter rows (`quota:<flowId>:<period>`,
 * `assigned:<period>`, see state-rows.ts) of periods the engine itself
 * drops from its state at `now`, and returns how many rows went.
 *
 * The cutoff is the engine's retention (`COUNTER_RETENTION_DAYS` before the
 * day of `now`) taken one more day back, because a flow's local day may be
 * a day ahead of or behind UTC: whatever is deleted here is expired for a
 * flow in any time zone, so no run could read it again. `total` counters,
 * round-robin weights and dedup keys never expire. Needs no workspace lock:
 * no run writes a row of an expired period.
 */
export async function pruneExpiredStateRows(db: Kysely<Database>, now: Date): Promise<number> {
  const cutoffDay = Math.floor(now.getTime() / DAY_MS) - COUNTER_RETENTION_DAYS - 1;

  const scopes = await db
    .selectFrom('allocation_state')
    .select('scope')
    .distinct()
    .where((eb) =>
      eb.or([eb('scope', 'like', `${QUOTA_PREFIX}%`), eb('scope', 'like', `${ASSIGNED_PREFIX}%`)]),
    )
    .execute();
  const expired = scopes
    .map((row) => row.scope)
    .filter((scope) => isPeriodExpired(periodOfScope(scope), cutoffDay));

  let removed = 0;
  for (let start = 0; start < expired.length; start += 200) {
    const result = await db
      .deleteFrom('allocation_state')
      .where('scope', 'in', expired.slice(start, start + 200))
      .executeTakeFirst();
    removed += Number(result.numDeletedRows);
  }
  return removed;
}

/** The period key at the end of a counter scope; period keys hold no colon. */
function periodOfScope(scope: string): string {
  return scope.slice(scope.lastIndexOf(':') + 1);
}
