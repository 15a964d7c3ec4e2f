import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';

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
    throw new ApiError(
      400,
      'validation-failed',
      `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters without spaces, such as a UUID.`,
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
  const row = await db
    .selectFrom('idempotency_records')
    .select(['request_hash', 'status_code', 'response'])
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;

  if (row.request_hash !== requestHash) {
    throw new ApiError(
      422,
      'idempotency-key-reused',
      `The Idempotency-Key "${key}" was already used for a different request. Use a new key for each new request.`,
    );
  }
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
  await db
    .insertInto('idempotency_records')
    .values({
      workspace_id: workspaceId,
      key,
      request_hash: requestHash,
      status_code: answer.statusCode,
      response: JSON.stringify(answer.body),
      created_at: now.toISOString(),
    })
    .execute();
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
