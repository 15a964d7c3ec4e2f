import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PreparedQuery, type Slots } from '../db/prepared-query.js';
import type { Database } from '../db/schema.js';
import type { ApiError } from '../http/api-error.js';
import { apiError } from '../http/api-messages.js';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** A stored answer to a request that carried an idempotency key. */
export interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

/** Reads and checks the `Idempotency-Key` header: printable ASCII, 1 to 200 characters. */
export function readIdempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;

  const key = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw apiError(
      400,
      'validation-failed',
      'idempotencyKeyInvalid',
      { maximum: MAX_IDEMPOTENCY_KEY_LENGTH },
      (message) => ({ issues: [{ path: 'Idempotency-Key', code: 'invalid_format', message }] }),
    );
  }
  return key;
}

/**
 * Hashes what a request asks for (the flow and the body, with object keys
 * sorted), so that a retry with the same key is told apart from a reuse of
 * the key for something else.
 */
export function hashRequest(flowId: string, body: unknown): string {
  return createHash('sha256')
    .update(flowId)
    .update('\u0000')
    .update(canonicalJson(body))
    .digest('hex');
}

const selectAnswer = new PreparedQuery((db, slots: Slots<{ workspaceId: string; key: string }>) =>
  db
    .selectFrom('idempotency_records')
    .select(['request_hash', 'status_code', 'response'])
    .where('workspace_id', '=', slots.value('workspaceId'))
    .where('key', '=', slots.value('key')),
);

const insertAnswer = new PreparedQuery(
  (
    db,
    slots: Slots<{
      workspaceId: string;
      key: string;
      requestHash: string;
      statusCode: number;
      response: string;
      createdAt: string;
    }>,
  ) =>
    db.insertInto('idempotency_records').values({
      workspace_id: slots.value('workspaceId'),
      key: slots.value('key'),
      request_hash: slots.value('requestHash'),
      status_code: slots.value('statusCode'),
      response: slots.value('response'),
      created_at: slots.value('createdAt'),
    }),
);

/**
 * Returns the stored answer for `key`, null when there is none, and rejects
 * the key with 422 when it was first used for another request.
 */
export async function findStoredAnswer(
  db: Kysely<Database>,
  workspaceId: string,
  key: string,
  requestHash: string,
): Promise<StoredAnswer | null> {
  const row = await selectAnswer.first(db, { workspaceId, key });
  if (!row) return null;

  if (row.request_hash !== requestHash) throw keyReusedError(key);
  return { statusCode: row.status_code, body: JSON.parse(row.response) as unknown };
}

/** Stores the answer to a keyed request, in the transaction that made it. */
export async function storeAnswer(
  db: Kysely<Database>,
  workspaceId: string,
  key: string,
  requestHash: string,
  answer: StoredAnswer,
  now: Date,
): Promise<void> {
  await insertAnswer.execute(db, {
    workspaceId,
    key,
    requestHash,
    statusCode: answer.statusCode,
    response: JSON.stringify(answer.body),
    createdAt: now.toISOString(),
  });
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Deletes idempotency records created before `cutoff`; a retry after that allocates again. */
export async function purgeIdempotencyRecords(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_records')
    .where('created_at', '<', cutoff.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The 422 for an idempotency key that was first used for another request. */
export function keyReusedError(key: string): ApiError {
  return apiError(422, 'idempotency-key-reused', 'idempotencyKeyReused', { key });
}
