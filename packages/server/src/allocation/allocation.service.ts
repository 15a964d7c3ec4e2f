import type { Lead } from '@sras/engine';
import type { Principal } from '../auth/tokens.js';
import { inGroupedWorkspaceTransaction, type DatabaseHandle } from '../db/database.js';
import type { Kysely } from 'kysely';
import { PreparedQuery, type Slots } from '../db/prepared-query.js';
import type { AuditTable, Database } from '../db/schema.js';
import type { FlowRuntimeCache } from './flow-runtime.cache.js';
import { readRuntime, runAllocation, stateNeedsOf, toView } from './allocation-run.js';
import { findStoredAnswer, storeAnswer } from './idempotency.js';
import { withLeadIds } from './allocate-request.js';
import { withStandardFields } from './lead-fields.js';
import { allocateInGroup, type AllocationLogger } from './postgres-groups.js';
import { loadState, writeStateDelta } from './state-rows.js';

/** One lead's decision as the API returns it. */
export interface AllocationResultView {
  leadId: string;
  ownerId: string | null;
  route: string[];
  reason: string;
  /** The pool's reason text, when the lead ended in a pool that has one. */
  reasonText: string | null;
}

export interface AllocationAnswer {
  body: { results: AllocationResultView[] };
  /** True when the answer is the stored one of an earlier request with the same key. */
  replayed: boolean;
}

export interface AllocationRequest {
  principal: Principal;
  flowId: string;
  leads: Lead[];
  idempotencyKey: string | null;
  /** Hash of the flow id and body, see `hashRequest`; unused without an idempotency key. */
  requestHash: string;
  /** The HTTP request's id, for log lines about the allocation. */
  requestId: string;
  /** The request's logger. */
  log: AllocationLogger;
}

const AUDIT_CHUNK = 100;

/**
 * Runs the published version of a flow on a batch of leads. The decision,
 * the state it changes (round-robin weights, quota and capacity counters,
 * dedup keys), the audit entries and the idempotency record are written in
 * one transaction that holds the workspace's write lock, so concurrent
 * requests and processes see each other's counters and never pass a cap.
 */
export async function allocateLeads(
  database: DatabaseHandle,
  cache: FlowRuntimeCache,
  request: AllocationRequest,
): Promise<AllocationAnswer> {
  const { principal, idempotencyKey, requestHash } = request;
  const { workspaceId } = principal;

  // A retry is answered without waiting for the lock.
  if (idempotencyKey !== null) {
    const stored = await findStoredAnswer(
      database.readDb,
      workspaceId,
      idempotencyKey,
      requestHash,
    );
    if (stored) return { body: stored.body as AllocationAnswer['body'], replayed: true };
  }
  const leads = withLeadIds(request.leads.map(withStandardFields));

  const batch: Batch = { ...request, workspaceId, leads };
  return database.dialect === 'postgres'
    ? allocateOnPostgres(database, cache, batch)
    : allocateOnSqlite(database, cache, batch);
}

interface Batch extends AllocationRequest {
  workspaceId: string;
}

/**
 * PostgreSQL: what changes only by publishing or syncing is read before the
 * lock, so the lock is held only for the state, the audit and the response.
 * Allocations of a workspace that arrive while its transaction runs share
 * the next one (see `allocateInGroup`): four round trips (begin, lock and
 * read, write, commit) for the group, one more per idempotency key. A
 * publish or rep change racing this request may or may not apply to it, as
 * if it had arrived a moment later; counters are read under the lock.
 */
async function allocateOnPostgres(
  database: DatabaseHandle,
  cache: FlowRuntimeCache,
  batch: Batch,
): Promise<AllocationAnswer> {
  const { workspaceId, flowId, leads, idempotencyKey, requestHash } = batch;
  const runtime = await readRuntime(cache, database.db, workspaceId, flowId);

  return allocateInGroup(database, {
    workspaceId,
    flowId,
    leads,
    tokenId: batch.principal.tokenId,
    idempotencyKey,
    requestHash,
    runtime,
    requestId: batch.requestId,
    log: batch.log,
  });
}

/**
 * SQLite: reads cost no round trip, so everything is read inside the
 * transaction, which saves taking the one connection twice. Allocations
 * queued at the same time share one commit.
 */
async function allocateOnSqlite(
  database: DatabaseHandle,
  cache: FlowRuntimeCache,
  batch: Batch,
): Promise<AllocationAnswer> {
  const { workspaceId, flowId, leads, idempotencyKey, requestHash } = batch;

  // Allocations that queue behind a running one share its successor's commit.
  return inGroupedWorkspaceTransaction(database, workspaceId, async (trx) => {
    // A request with the same key may have committed while this one waited for the lock.
    if (idempotencyKey !== null) {
      const stored = await findStoredAnswer(trx, workspaceId, idempotencyKey, requestHash);
      if (stored) return { body: stored.body as AllocationAnswer['body'], replayed: true };
    }

    const runtime = await readRuntime(cache, trx, workspaceId, flowId);
    const now = new Date();
    const needs = stateNeedsOf(runtime.compiled, flowId, leads, now);
    const state = await loadState(trx, workspaceId, needs);
    const run = runAllocation(runtime, leads, needs, state, now);

    await writeStateDelta(trx, workspaceId, flowId, run.delta, state);
    const results = run.results.map(toView);
    await writeAudit(trx, {
      workspaceId,
      flowId,
      version: runtime.compiled.version,
      results,
      decidedAt: now.toISOString(),
      idempotencyKey,
      tokenId: batch.principal.tokenId,
    });

    const body = { results };
    if (idempotencyKey !== null) {
      await storeAnswer(
        trx,
        workspaceId,
        idempotencyKey,
        requestHash,
        { statusCode: 200, body },
        now,
      );
    }
    return { body, replayed: false };
  });
}

async function writeAudit(
  trx: Kysely<Database>,
  entry: {
    workspaceId: string;
    flowId: string;
    version: number;
    results: AllocationResultView[];
    decidedAt: string;
    idempotencyKey: string | null;
    tokenId: string;
  },
): Promise<void> {
  const rows = entry.results.map((result) => ({
    workspace_id: entry.workspaceId,
    flow_id: entry.flowId,
    flow_version: entry.version,
    lead_id: result.leadId,
    owner_id: result.ownerId,
    route: JSON.stringify(result.route),
    reason: result.reason,
    reason_text: result.reasonText,
    decided_at: entry.decidedAt,
    idempotency_key: entry.idempotencyKey,
    token_id: entry.tokenId,
  }));
  for (let start = 0; start < rows.length; start += AUDIT_CHUNK) {
    await insertAudit.execute(trx, { rows: rows.slice(start, start + AUDIT_CHUNK) });
  }
}

type AuditRow = Omit<AuditTable, 'id'>;

const AUDIT_COLUMNS = [
  'workspace_id',
  'flow_id',
  'flow_version',
  'lead_id',
  'owner_id',
  'route',
  'reason',
  'reason_text',
  'decided_at',
  'idempotency_key',
  'token_id',
] as const satisfies readonly (keyof AuditRow)[];

const insertAudit = new PreparedQuery((db, slots: Slots<{ rows: AuditRow[] }>) =>
  db.insertInto('audit_entries').values(slots.rows('rows', AUDIT_COLUMNS)),
);
