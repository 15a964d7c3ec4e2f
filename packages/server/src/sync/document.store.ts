import type { Kysely } from 'kysely';
import { inWorkspaceTransaction, type DatabaseHandle } from '../db/database.js';
import type { Database, DocumentKind } from '../db/schema.js';
import { apiError, documentWords } from '../http/api-messages.js';

/** A synced document as the API returns it. */
export interface StoredDocument {
  kind: DocumentKind;
  id: string;
  /** 0 for a list document never written. */
  revision: number;
  deleted: boolean;
  updatedAt: string | null;
  /** Flows only. */
  publishedVersion: number | null;
  document: unknown;
}

/** A change in the feed of `GET /changes`. */
export interface DocumentChange extends StoredDocument {
  seq: number;
}

type DocumentRow = {
  kind: DocumentKind;
  id: string;
  revision: number;
  body: string | null;
  deleted: number;
  change_seq: number;
  updated_at: string;
  published_version: number | null;
};

const DOCUMENT_COLUMNS = [
  'kind',
  'id',
  'revision',
  'body',
  'deleted',
  'change_seq',
  'updated_at',
  'published_version',
] as const;

export function toStoredDocument(row: DocumentRow): StoredDocument {
  return {
    kind: row.kind,
    id: row.id,
    revision: row.revision,
    deleted: row.deleted !== 0,
    updatedAt: row.updated_at,
    publishedVersion: row.published_version,
    document: row.body === null ? null : (JSON.parse(row.body) as unknown),
  };
}

/** Reads one document, deleted or not. */
export async function findDocument(
  db: Kysely<Database>,
  workspaceId: string,
  kind: DocumentKind,
  id: string,
): Promise<StoredDocument | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(DOCUMENT_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStoredDocument(row) : undefined;
}

/** Lists a workspace's documents of one kind that are not deleted. */
export async function listDocuments(
  db: Kysely<Database>,
  workspaceId: string,
  kind: DocumentKind,
): Promise<StoredDocument[]> {
  const rows = await db
    .selectFrom('documents')
    .select(DOCUMENT_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('deleted', '=', 0)
    .orderBy('id')
    .execute();
  return rows.map(toStoredDocument);
}

/** Lists the changes after `since`, oldest first: the latest state of each changed document. */
export async function listChanges(
  db: Kysely<Database>,
  workspaceId: string,
  since: number,
  limit: number,
): Promise<DocumentChange[]> {
  const rows = await db
    .selectFrom('documents')
    .select(DOCUMENT_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('change_seq', '>', since)
    .orderBy('change_seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...toStoredDocument(row), seq: row.change_seq }));
}

/** Increments and returns the workspace's change number; call inside the workspace transaction. */
export async function nextChangeSeq(trx: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await trx
    .updateTable('workspaces')
    .set((eb) => ({ change_seq: eb('change_seq', '+', 1) }))
    .where('id', '=', workspaceId)
    .returning('change_seq')
    .executeTakeFirstOrThrow();
  return row.change_seq;
}

export interface WriteRequest {
  workspaceId: string;
  kind: DocumentKind;
  id: string;
  /** The revision the writer last saw; undefined when it sent no `If-Match`. */
  expectedRevision: number | undefined;
  /** The new body, or null to delete. */
  document: unknown;
  now?: Date;
  /**
   * Turns the body into what is stored, in the transaction once the
   * revision is checked: the `flow-versions` list stores its documents
   * apart and keeps summaries.
   */
  store?: (trx: Kysely<Database>, document: unknown) => Promise<unknown>;
}

/**
 * Writes a document when `expectedRevision` is its current revision (0 or
 * absent for a document that does not exist yet), and returns the new
 * revision. Rejects a stale revision with 412 and the server's copy, and a
 * write over an existing document without a revision with 428.
 */
export async function writeDocument(
  handle: DatabaseHandle,
  request: WriteRequest,
): Promise<{ revision: number; created: boolean }> {
  const { workspaceId, kind, id, expectedRevision } = request;
  const now = (request.now ?? new Date()).toISOString();

  const label = documentWords(kind);

  return inWorkspaceTransaction(handle, workspaceId, async (trx) => {
    const current = await findDocument(trx, workspaceId, kind, id);
    const currentRevision = current?.revision ?? 0;

    if (expectedRevision === undefined && current && !current.deleted) {
      throw apiError(
        428,
        'if-match-required',
        'ifMatchRequired',
        { label, revision: currentRevision },
        () => ({ current }),
      );
    }
    if (expectedRevision !== undefined && expectedRevision !== currentRevision) {
      throw apiError(
        412,
        'revision-conflict',
        'revisionConflict',
        { label, sent: expectedRevision, current: currentRevision },
        () => ({ current: current ?? null }),
      );
    }
    if (request.document === null && (!current || current.deleted)) {
      throw apiError(404, 'not-found', 'documentNotFound', { label });
    }

    const body =
      request.document !== null && request.store
        ? await request.store(trx, request.document)
        : request.document;
    const seq = await nextChangeSeq(trx, workspaceId);
    const revision = currentRevision + 1;
    const values = {
      revision,
      body: body === null ? null : JSON.stringify(body),
      deleted: request.document === null ? 1 : 0,
      change_seq: seq,
      updated_at: now,
    };

    if (current) {
      await trx
        .updateTable('documents')
        .set(values)
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', kind)
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('documents')
        .values({ workspace_id: workspaceId, kind, id, published_version: null, ...values })
        .execute();
    }
    return { revision, created: !current || current.deleted };
  });
}
