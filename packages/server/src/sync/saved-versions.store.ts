import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { apiError, apiMessage } from '../http/api-messages.js';

/**
 * The `flow-versions` list keeps a summary of each version the app saved
 * (id, flow id, name, note, times, publish outcome) and the flow documents
 * live in `saved_version_documents`, one row per version. So the list, the
 * change feed and a 412's server copy carry summaries only, and a client
 * fetches the documents it lacks with {@link readSavedVersionDocuments}. A
 * saved version's document never changes, so a client sends it once.
 */

/** A `flow-versions` item as a client sends it: the document may be left out when the server has it. */
export interface SavedVersionItem {
  id: string;
  flowId: string;
  document?: unknown;
  [field: string]: unknown;
}

/** A saved version's document, as `GET /flow-versions/documents` returns it. */
export interface SavedVersionDocument {
  id: string;
  flowId: string;
  document: unknown;
}

/** Most ids one `GET /flow-versions/documents` may ask for. */
export const MAX_DOCUMENTS_PER_REQUEST = 100;

const IDS_PER_QUERY = 500;

/**
 * Stores the documents that `items` carry, checks that the server has the
 * document of every item that carries none, deletes the documents of
 * versions no longer listed, and returns the summaries to store as the
 * list. Runs in the caller's workspace transaction, after its revision
 * check. Throws 422 `version-document-missing` naming the items whose
 * document the client must send.
 */
export async function storeSavedVersions(
  trx: Kysely<Database>,
  workspaceId: string,
  items: readonly SavedVersionItem[],
): Promise<Omit<SavedVersionItem, 'document'>[]> {
  const stored = await listStoredIds(trx, workspaceId);

  const missing = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.document === undefined && !stored.has(item.id));
  if (missing.length > 0) {
    const first = missing[0]!;
    throw apiError(
      422,
      'version-document-missing',
      'versionDocumentMissing',
      { id: first.item.id, number: first.index + 1 },
      (_message, language) => ({
        missing: missing.map(({ item }) => item.id),
        issues: missing.map(({ item, index }) => ({
          path: `${index}.document`,
          code: 'custom',
          message: apiMessage(language, 'versionDocumentMissingIssue', { id: item.id }),
        })),
      }),
    );
  }

  for (const item of items) {
    if (item.document === undefined) continue;
    const row = {
      workspace_id: workspaceId,
      id: item.id,
      flow_id: item.flowId,
      body: JSON.stringify(item.document),
    };
    await trx
      .insertInto('saved_version_documents')
      .values(row)
      .onConflict((conflict) =>
        conflict.columns(['workspace_id', 'id']).doUpdateSet({
          flow_id: row.flow_id,
          body: row.body,
        }),
      )
      .execute();
  }

  const listed = new Set(items.map((item) => item.id));
  const removed = [...stored].filter((id) => !listed.has(id));
  for (let start = 0; start < removed.length; start += IDS_PER_QUERY) {
    await trx
      .deleteFrom('saved_version_documents')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', removed.slice(start, start + IDS_PER_QUERY))
      .execute();
  }

  return items.map(({ document: _document, ...summary }) => summary);
}

/** Reads the documents of the saved versions `ids`; ids without one are left out. */
export async function readSavedVersionDocuments(
  db: Kysely<Database>,
  workspaceId: string,
  ids: readonly string[],
): Promise<SavedVersionDocument[]> {
  if (ids.length === 0) return [];

  const rows = await db
    .selectFrom('saved_version_documents')
    .select(['id', 'flow_id', 'body'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ id, flowId: row.flow_id, document: JSON.parse(row.body) as unknown }] : [];
  });
}

async function listStoredIds(db: Kysely<Database>, workspaceId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('saved_version_documents')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Set(rows.map((row) => row.id));
}
