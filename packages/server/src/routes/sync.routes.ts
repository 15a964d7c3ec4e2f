import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { flowDocumentSchema, type FlowDocument } from '@sras/engine';
import type { DatabaseHandle } from '../db/database.js';
import type { DocumentKind } from '../db/schema.js';
import { localizedError } from '../http/api-error.js';
import { apiError, flowNotFound } from '../http/api-messages.js';
import { requestMessage } from '../http/request-messages.js';
import { principalOf, requirePermission } from '../http/request-context.js';
import { readIfMatch, revisionTag } from '../http/revision-header.js';
import { parseBody } from '../http/validation.js';
import { DOCUMENT_KINDS, LIST_DOCUMENT_ID } from '../sync/document-kinds.js';
import { publishFlow } from '../sync/publish.js';
import {
  MAX_DOCUMENTS_PER_REQUEST,
  readSavedVersionDocuments,
  storeSavedVersions,
  type SavedVersionItem,
} from '../sync/saved-versions.store.js';
import { findDocument, listChanges, listDocuments, writeDocument } from '../sync/document.store.js';

/** URL path segment of each list kind under /api/v1. */
const LIST_PATHS: Record<Exclude<DocumentKind, 'flow'>, string> = {
  reps: 'reps',
  teams: 'teams',
  targets: 'targets',
  'existing-owners': 'existing-owners',
  'flow-versions': 'flow-versions',
};

const MAX_CHANGES_PAGE = 500;

const changesQuerySchema = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_PAGE).default(MAX_CHANGES_PAGE),
});

const flowIdSchema = z.string().min(1).max(200);

const versionDocumentsQuerySchema = z.object({
  ids: z
    .string()
    .min(1)
    .transform((text) => [...new Set(text.split(',').filter(Boolean))])
    .pipe(
      z
        .array(z.string().min(1))
        .min(1)
        .max(
          MAX_DOCUMENTS_PER_REQUEST,
          `ask for at most ${MAX_DOCUMENTS_PER_REQUEST} versions per request`,
        ),
    ),
});

const publishBodySchema = z
  .object({ revision: z.number().int().min(1), document: flowDocumentSchema.optional() })
  .strict();

/** Registers the sync API: list documents, flows and the change feed. */
export function registerSyncRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const canRead = requirePermission(handle, 'read');
  const canWrite = requirePermission(handle, 'write');

  for (const [kind, segment] of Object.entries(LIST_PATHS) as [
    Exclude<DocumentKind, 'flow'>,
    string,
  ][]) {
    const { schema, empty } = DOCUMENT_KINDS[kind];

    app.get(`/api/v1/${segment}`, { preHandler: canRead }, async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const stored = await findDocument(handle.db, workspaceId, kind, LIST_DOCUMENT_ID);
      const revision = stored?.revision ?? 0;

      void reply.header('etag', revisionTag(revision));
      return {
        revision,
        updatedAt: stored?.updatedAt ?? null,
        document: stored?.document ?? empty,
      };
    });

    app.put(`/api/v1/${segment}`, { preHandler: canWrite }, async (request) => {
      const { workspaceId } = principalOf(request);
      const document = parseBody(schema, request.body, 'body');
      const { revision } = await writeDocument(handle, {
        workspaceId,
        kind,
        id: LIST_DOCUMENT_ID,
        expectedRevision: readIfMatch(request),
        document,
        ...(kind === 'flow-versions'
          ? {
              store: (trx, items) =>
                storeSavedVersions(trx, workspaceId, items as SavedVersionItem[]),
            }
          : {}),
      });
      return { revision };
    });
  }

  app.get('/api/v1/flow-versions/documents', { preHandler: canRead }, async (request) => {
    const { workspaceId } = principalOf(request);
    const { ids } = parseBody(versionDocumentsQuerySchema, request.query, 'query');
    const versions = await readSavedVersionDocuments(handle.db, workspaceId, ids);
    const found = new Set(versions.map((version) => version.id));
    return { versions, missing: ids.filter((id) => !found.has(id)) };
  });

  app.get('/api/v1/flows', { preHandler: canRead }, async (request) => {
    const { workspaceId } = principalOf(request);
    const flows = await listDocuments(handle.db, workspaceId, 'flow');
    return {
      flows: flows.map((flow) => ({
        id: flow.id,
        name: readName(flow.document),
        revision: flow.revision,
        updatedAt: flow.updatedAt,
        publishedVersion: flow.publishedVersion,
      })),
    };
  });

  app.get<{ Params: { id: string } }>(
    '/api/v1/flows/:id',
    { preHandler: canRead },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const stored = await findDocument(handle.db, workspaceId, 'flow', request.params.id);
      if (!stored || stored.deleted) throw flowNotFound(request.params.id);

      void reply.header('etag', revisionTag(stored.revision));
      return {
        id: stored.id,
        revision: stored.revision,
        updatedAt: stored.updatedAt,
        publishedVersion: stored.publishedVersion,
        document: stored.document,
      };
    },
  );

  app.put<{ Params: { id: string } }>(
    '/api/v1/flows/:id',
    { preHandler: canWrite },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const id = parseBody(flowIdSchema, request.params.id, 'address');
      const document = parseBody(DOCUMENT_KINDS.flow.schema, request.body, 'flow') as {
        id: string;
      };
      if (document.id !== id) {
        throw localizedError(400, 'validation-failed', (language) => {
          const message = requestMessage(language, 'flowIdMismatch', {
            documentId: document.id,
            id,
          });
          return { message, details: { issues: [{ path: 'id', code: 'invalid_value', message }] } };
        });
      }

      const { revision, created } = await writeDocument(handle, {
        workspaceId,
        kind: 'flow',
        id,
        expectedRevision: readIfMatch(request),
        document,
      });
      void reply.status(created ? 201 : 200).header('etag', revisionTag(revision));
      return { revision };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/flows/:id',
    { preHandler: canWrite },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const expectedRevision = readIfMatch(request);
      if (expectedRevision === undefined) {
        throw apiError(428, 'if-match-required', 'deleteIfMatchRequired');
      }
      const { revision } = await writeDocument(handle, {
        workspaceId,
        kind: 'flow',
        id: request.params.id,
        expectedRevision,
        document: null,
      });
      return { revision };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/flows/:id/publish',
    { preHandler: canWrite },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const { revision, document } = parseBody(publishBodySchema, request.body, 'body');
      const { version, warnings } = await publishFlow(
        handle,
        workspaceId,
        request.params.id,
        revision,
        new Date(),
        document as FlowDocument | undefined,
      );
      return { version, warnings };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/flows/:id/versions',
    { preHandler: canRead },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const stored = await findDocument(handle.db, workspaceId, 'flow', request.params.id);
      if (!stored || stored.deleted) throw flowNotFound(request.params.id);

      const rows = await handle.db
        .selectFrom('flow_versions')
        .select(['version', 'revision', 'published_at'])
        .where('workspace_id', '=', workspaceId)
        .where('flow_id', '=', request.params.id)
        .orderBy('version', 'desc')
        .execute();
      return {
        publishedVersion: stored.publishedVersion,
        versions: rows.map((row) => ({
          version: row.version,
          revision: row.revision,
          publishedAt: row.published_at,
        })),
      };
    },
  );

  app.get('/api/v1/changes', { preHandler: canRead }, async (request) => {
    const { workspaceId } = principalOf(request);
    const { since, limit } = parseBody(changesQuerySchema, request.query, 'query');
    const changes = await listChanges(handle.db, workspaceId, since, limit + 1);
    const page = changes.slice(0, limit);

    return {
      changes: page,
      next: page.at(-1)?.seq ?? since,
      more: changes.length > limit,
    };
  });
}

function readName(document: unknown): string {
  if (document && typeof document === 'object' && 'name' in document) {
    const { name } = document as { name: unknown };
    if (typeof name === 'string') return name;
  }
  return '';
}
