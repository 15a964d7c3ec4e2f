import type { Lead } from '@sras/engine';
import type { Kysely } from 'kysely';
import { inWriteTransaction, type DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { runAllocation, stateNeedsOf, toView, type Runtime } from './allocation-run.js';
import type { AllocationAnswer } from './allocation.service.js';
import { findStoredAnswer, keyReusedError } from './idempotency.js';
import { lockAndLoadRows, writeDecisions, type Decision } from './postgres-decision.js';
import {
  changedStateRows,
  counterScopes,
  DEDUP_SCOPE,
  stateFromRows,
  type StateNeeds,
  type StateRow,
} from './state-rows.js';

/** The part of a request's logger (pino's, in the server) that allocation uses. */
export interface AllocationLogger {
  error(fields: Record<string, unknown>, message: string): void;
}

/** One allocation to decide on PostgreSQL, with the published flow and lists read for it. */
export interface GroupedAllocation {
  workspaceId: string;
  flowId: string;
  leads: Lead[];
  tokenId: string;
  idempotencyKey: string | null;
  requestHash: string;
  runtime: Runtime;
  /** The HTTP request's id, logged when its group falls back to one transaction per request. */
  requestId: string;
  /** The request's logger. */
  log: AllocationLogger;
}

interface Pending {
  allocation: GroupedAllocation;
  resolve: (answer: AllocationAnswer) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; answer: AllocationAnswer } | { ok: false; error: unknown };

/** Maximum number of allocations in one transaction: a burst of ten connections, with room to spare. */
const MAX_GROUP_SIZE = 32;

/** Maximum number of leads in one transaction, so that a group of large batches does not hold the lock long. */
const MAX_GROUP_LEADS = 1000;

/** Allocations waiting for the group that follows the running one, by database and workspace. */
const waiting = new WeakMap<DatabaseHandle, Map<string, Pending[]>>();

/**
 * Group commit for allocations on PostgreSQL. While one transaction of a
 * workspace runs, the allocations that arrive for it in this process wait
 * and then run together in the next one: one lock and read, one write and
 * one commit for the group, instead of four round trips each under the
 * workspace lock. A burst of requests thus waits for a few transactions
 * instead of one per request before it.
 *
 * The allocations of a group are decided in arrival order, each on the
 * state the ones before it left, so the result is the same as one
 * transaction each. An allocation that fails with an ApiError (a reused
 * idempotency key, input the engine rejects) is left out of the write and
 * rejected alone. Any other error (a bug, a failed statement) aborts the
 * group's transaction, so the group then runs again with one transaction
 * per allocation, in arrival order. Then only the faulty allocation fails,
 * and the others are decided as if they had come alone. A failed COMMIT
 * still fails the whole group, because it may have taken effect. Every allocation
 * settles after its commit, so no answered decision can be lost by a crash.
 */
export function allocateInGroup(
  database: DatabaseHandle,
  allocation: GroupedAllocation,
): Promise<AllocationAnswer> {
  return new Promise<AllocationAnswer>((resolve, reject) => {
    let byWorkspace = waiting.get(database);
    if (byWorkspace === undefined) {
      byWorkspace = new Map();
      waiting.set(database, byWorkspace);
    }

    const pending: Pending = { allocation, resolve, reject };
    const queue = byWorkspace.get(allocation.workspaceId);
    if (queue !== undefined) {
      queue.push(pending);
      return;
    }
    byWorkspace.set(allocation.workspaceId, [pending]);
    void drain(database, byWorkspace, allocation.workspaceId);
  });
}

/** Runs groups of a workspace until none waits, then lets the next allocation start one. */
async function drain(
  database: DatabaseHandle,
  byWorkspace: Map<string, Pending[]>,
  workspaceId: string,
): Promise<void> {
  const queue = byWorkspace.get(workspaceId) ?? [];
  while (queue.length > 0) {
    await runGroup(database, takeGroup(queue));
  }
  byWorkspace.delete(workspaceId);
}

/** Takes the next group from the front of the queue: at least one allocation, within the limits. */
function takeGroup(queue: Pending[]): Pending[] {
  let count = 0;
  let leads = 0;
  for (const pending of queue) {
    const size = pending.allocation.leads.length;
    if (count > 0 && (count >= MAX_GROUP_SIZE || leads + size > MAX_GROUP_LEADS)) break;
    count += 1;
    leads += size;
  }
  return queue.splice(0, count);
}

async function runGroup(database: DatabaseHandle, group: Pending[]): Promise<void> {
  let outcomes: Outcome[];
  let decided = false;
  try {
    outcomes = await inWriteTransaction(database, async (trx) => {
      const result = await decideGroup(
        trx,
        group.map((pending) => pending.allocation),
      );
      decided = true;
      return result;
    });
  } catch (error) {
    // A failure after the group was decided came from COMMIT, which may have
    // taken effect (a lost connection), so running the group again could
    // decide it twice. Only a failure while deciding is retried one by one.
    if (group.length === 1 || decided) {
      for (const pending of group) pending.reject(error);
      return;
    }
    await runEachAlone(database, group, error);
    return;
  }

  group.forEach((pending, index) => settle(pending, outcomes[index] as Outcome));
}

/**
 * Runs the allocations of a failed group one by one, each in its own
 * transaction, so that the error fails only the allocation that causes it.
 */
async function runEachAlone(
  database: DatabaseHandle,
  group: readonly Pending[],
  groupError: unknown,
): Promise<void> {
  const first = group[0]?.allocation;
  first?.log.error(
    {
      err: groupError,
      workspaceId: first.workspaceId,
      requestIds: group.map((pending) => pending.allocation.requestId),
    },
    'allocation group failed; running its requests one by one',
  );

  for (const pending of group) {
    try {
      const [outcome] = await inWriteTransaction(database, (trx) =>
        decideGroup(trx, [pending.allocation]),
      );
      settle(pending, outcome as Outcome);
    } catch (error) {
      pending.reject(error);
    }
  }
}

function settle(pending: Pending, outcome: Outcome): void {
  if (outcome.ok) pending.resolve(outcome.answer);
  else pending.reject(outcome.error);
}

/**
 * Decides a group of allocations of one workspace in the caller's
 * transaction: locks the workspace and reads the rows they all need, runs
 * each on the rows as the ones before it left them, and writes every
 * decision in one statement. Returns each allocation's outcome in order.
 */
export async function decideGroup(
  trx: Kysely<Database>,
  allocations: readonly GroupedAllocation[],
): Promise<Outcome[]> {
  const workspaceId = allocations[0]?.workspaceId;
  if (workspaceId === undefined) return [];

  const now = new Date();
  const needs = allocations.map((allocation) =>
    stateNeedsOf(allocation.runtime.compiled, allocation.flowId, allocation.leads, now),
  );
  const loaded = await lockAndLoadRows(
    trx,
    workspaceId,
    needs.flatMap(counterScopes),
    needs.flatMap((need) => need.dedupKeys),
  );

  const group = new GroupState(loaded, now);
  const outcomes: Outcome[] = [];
  for (const [index, allocation] of allocations.entries()) {
    try {
      const answer = await group.decide(trx, allocation, needs[index] as StateNeeds);
      outcomes.push({ ok: true, answer });
    } catch (error) {
      // Only the allocation's own refusal leaves the transaction usable.
      if (!(error instanceof ApiError)) throw error;
      outcomes.push({ ok: false, error });
    }
  }

  if (group.decisions.length > 0) {
    await writeDecisions(trx, workspaceId, group.changedRows(), group.decisions);
  }
  return outcomes;
}

/** The state rows, decisions and keyed answers of a group while it is decided. */
class GroupState {
  readonly decisions: Omit<Decision, 'workspaceId' | 'stateRows'>[] = [];
  private readonly rows = new Map<string, StateRow>();
  private readonly changed = new Map<string, StateRow>();
  private readonly answered = new Map<string, { requestHash: string; answer: AllocationAnswer }>();

  constructor(
    loaded: readonly StateRow[],
    private readonly now: Date,
  ) {
    for (const row of loaded) this.rows.set(rowId(row), row);
  }

  /** Returns the rows the group changed, each as the last allocation left it. */
  changedRows(): StateRow[] {
    return [...this.changed.values()];
  }

  async decide(
    trx: Kysely<Database>,
    allocation: GroupedAllocation,
    needs: StateNeeds,
  ): Promise<AllocationAnswer> {
    const { workspaceId, flowId, idempotencyKey, requestHash } = allocation;
    if (idempotencyKey !== null) {
      const replay = await this.storedAnswer(trx, workspaceId, idempotencyKey, requestHash);
      if (replay !== null) return replay;
    }

    const state = stateFromRows(this.rowsFor(needs), flowId);
    const run = runAllocation(allocation.runtime, allocation.leads, needs, state, this.now);
    for (const row of changedStateRows(flowId, run.delta, state)) {
      this.rows.set(rowId(row), row);
      this.changed.set(rowId(row), row);
    }

    const results = run.results.map(toView);
    const body = { results };
    this.decisions.push({
      flowId,
      version: allocation.runtime.compiled.version,
      lines: results,
      decidedAt: this.now.toISOString(),
      tokenId: allocation.tokenId,
      idempotencyKey,
      answer: idempotencyKey === null ? null : { requestHash, response: JSON.stringify(body) },
    });
    const answer = { body, replayed: false };
    if (idempotencyKey !== null) this.answered.set(idempotencyKey, { requestHash, answer });
    return answer;
  }

  /**
   * Returns the answer stored for a key by a committed request or by an
   * earlier allocation of this group, or null. Rejects a key used for another request.
   */
  private async storedAnswer(
    trx: Kysely<Database>,
    workspaceId: string,
    key: string,
    requestHash: string,
  ): Promise<AllocationAnswer | null> {
    const earlier = this.answered.get(key);
    if (earlier !== undefined) {
      if (earlier.requestHash !== requestHash) throw keyReusedError(key);
      return { body: earlier.answer.body, replayed: true };
    }

    // A request with the same key may have committed while this one waited for the lock.
    const stored = await findStoredAnswer(trx, workspaceId, key, requestHash);
    return stored === null
      ? null
      : { body: stored.body as AllocationAnswer['body'], replayed: true };
  }

  /** Returns the rows one allocation reads: its counter scopes and its dedup keys. */
  private rowsFor(needs: StateNeeds): StateRow[] {
    const scopes = new Set(counterScopes(needs));
    const keys = new Set(needs.dedupKeys);
    const rows: StateRow[] = [];
    for (const row of this.rows.values()) {
      if (scopes.has(row.scope) || (row.scope === DEDUP_SCOPE && keys.has(row.key))) rows.push(row);
    }
    return rows;
  }
}

function rowId(row: StateRow): string {
  return `${row.scope}\u0000${row.key}`;
}
