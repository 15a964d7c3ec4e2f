import type { AllocationState } from '@sras/engine';
import { CompiledQuery, type Kysely } from 'kysely';
import { prepareOnPostgres } from '../db/postgres-statements.js';
import type { Database } from '../db/schema.js';
import { counterScopes, stateFromRows, type StateNeeds, type StateRow } from './state-rows.js';

/**
 * The allocation's statements under the workspace lock on PostgreSQL, where
 * every statement is a round trip while other requests of the workspace
 * wait: one that locks and reads, one that writes everything. Lists go in as
 * array parameters, so each statement has one text whatever the batch size,
 * and runs as a named prepared statement.
 */

/** The fields of one lead's audit entry. The other fields come from the whole decision. */
export interface AuditLine {
  leadId: string;
  ownerId: string | null;
  route: string[];
  reason: string;
  reasonText: string | null;
}

/** Everything one allocation writes: changed state rows, audit entries and the stored response. */
export interface Decision {
  workspaceId: string;
  flowId: string;
  version: number;
  stateRows: readonly StateRow[];
  lines: readonly AuditLine[];
  /** ISO 8601 UTC. */
  decidedAt: string;
  tokenId: string;
  idempotencyKey: string | null;
  /** The request hash and response JSON to store under `idempotencyKey`, or null without a key. */
  answer: { requestHash: string; response: string } | null;
}

const LOCK_AND_READ = prepareOnPostgres(
  'select scope, key, value from lock_allocation_state($1, $2, $3)',
);

/**
 * Takes the workspace's row lock and reads the state a batch needs, in one
 * round trip (see the `lock_allocation_state` function in migrations.ts).
 * Call it in a transaction, because the lock lasts until the transaction ends.
 */
export async function lockAndLoadState(
  trx: Kysely<Database>,
  workspaceId: string,
  needs: StateNeeds,
): Promise<AllocationState> {
  const rows = await lockAndLoadRows(trx, workspaceId, counterScopes(needs), needs.dedupKeys);
  return stateFromRows(rows, needs.flowId);
}

/**
 * Takes the workspace's row lock and reads every row of `scopes` and the
 * dedup rows of `dedupKeys`, in one round trip: the rows of several
 * batches decided together. Call it in a transaction.
 */
export async function lockAndLoadRows(
  trx: Kysely<Database>,
  workspaceId: string,
  scopes: readonly string[],
  dedupKeys: readonly string[],
): Promise<StateRow[]> {
  const { rows } = await trx.executeQuery<StateRow>(
    CompiledQuery.raw(LOCK_AND_READ, [workspaceId, [...new Set(scopes)], [...new Set(dedupKeys)]]),
  );
  return rows;
}

// Data-modifying CTEs all run to completion whether or not the final select
// reads them. Audit ids follow the order of the lines (`with ordinality`),
// because the audit API pages by id. Each line carries its decision's
// flow, version, time, key and token, so one statement writes several
// decisions; a row of `allocation_state` may appear only once.
const WRITE_DECISIONS = prepareOnPostgres(`
with state_rows as (
  insert into allocation_state (workspace_id, scope, key, value)
  select $1::text, scope, key, value
  from unnest($2::text[], $3::text[], $4::text[]) as changed(scope, key, value)
  on conflict (workspace_id, scope, key) do update set value = excluded.value
), audit as (
  insert into audit_entries (workspace_id, flow_id, flow_version, lead_id, owner_id, route,
    reason, reason_text, decided_at, idempotency_key, token_id)
  select $1::text, flow_id, flow_version, lead_id, owner_id, route, reason, reason_text,
    decided_at, idempotency_key, token_id
  from unnest($5::text[], $6::integer[], $7::text[], $8::text[], $9::text[], $10::text[],
      $11::text[], $12::text[], $13::text[], $14::text[])
    with ordinality as line(flow_id, flow_version, lead_id, owner_id, route, reason,
      reason_text, decided_at, idempotency_key, token_id, position)
  order by position
), answer as (
  insert into idempotency_records (workspace_id, key, request_hash, status_code, response,
    created_at)
  select $1::text, key, request_hash, 200, response, created_at
  from unnest($15::text[], $16::text[], $17::text[], $18::text[])
    as stored(key, request_hash, response, created_at)
)
select 1 as written`);

/** Writes a decision's state rows, audit entries and stored response in one statement. */
export async function writeDecision(trx: Kysely<Database>, decision: Decision): Promise<void> {
  await writeDecisions(trx, decision.workspaceId, decision.stateRows, [decision]);
}

/**
 * Writes the decisions of several allocations in one statement: the state
 * rows as they stand after the last of them (each row once), the audit
 * entries in the order of `decisions` and their lines, and the stored
 * responses of those with a key.
 */
export async function writeDecisions(
  trx: Kysely<Database>,
  workspaceId: string,
  stateRows: readonly StateRow[],
  decisions: readonly Omit<Decision, 'workspaceId' | 'stateRows'>[],
): Promise<void> {
  const lines = decisions.flatMap((decision) => decision.lines.map((line) => ({ decision, line })));
  const answers = decisions.flatMap((decision) =>
    decision.idempotencyKey !== null && decision.answer !== null
      ? [{ key: decision.idempotencyKey, at: decision.decidedAt, ...decision.answer }]
      : [],
  );

  await trx.executeQuery(
    CompiledQuery.raw(WRITE_DECISIONS, [
      workspaceId,
      stateRows.map((row) => row.scope),
      stateRows.map((row) => row.key),
      stateRows.map((row) => row.value),
      lines.map(({ decision }) => decision.flowId),
      lines.map(({ decision }) => decision.version),
      lines.map(({ line }) => line.leadId),
      lines.map(({ line }) => line.ownerId),
      lines.map(({ line }) => JSON.stringify(line.route)),
      lines.map(({ line }) => line.reason),
      lines.map(({ line }) => line.reasonText),
      lines.map(({ decision }) => decision.decidedAt),
      lines.map(({ decision }) => decision.idempotencyKey),
      lines.map(({ decision }) => decision.tokenId),
      answers.map((answer) => answer.key),
      answers.map((answer) => answer.requestHash),
      answers.map((answer) => answer.response),
      answers.map((answer) => answer.at),
    ]),
  );
}
