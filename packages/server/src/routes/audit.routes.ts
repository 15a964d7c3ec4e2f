import type { AuditEntry } from '@sras/engine';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.js';
import { apiError } from '../http/api-messages.js';
import { principalOf, requirePermission } from '../http/request-context.js';
import { parseBody } from '../http/validation.js';

const MAX_PAGE = 500;

const isoTime = z.iso.datetime({ offset: true }).transform((text) => new Date(text).toISOString());

const auditQuerySchema = z.object({
  flowId: z.string().min(1).optional(),
  ownerId: z.string().min(1).optional(),
  leadId: z.string().min(1).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
});

/** Registers `GET /api/v1/audit`: decisions newest first, filtered, with cursor pagination. */
export function registerAuditRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  app.get('/api/v1/audit', { preHandler: requirePermission(handle, 'read') }, async (request) => {
    const { workspaceId } = principalOf(request);
    const query = parseBody(auditQuerySchema, request.query, 'query');
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);

    let select = handle.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id', 'desc')
      .limit(query.limit + 1);
    if (query.flowId !== undefined) select = select.where('flow_id', '=', query.flowId);
    if (query.ownerId !== undefined) select = select.where('owner_id', '=', query.ownerId);
    if (query.leadId !== undefined) select = select.where('lead_id', '=', query.leadId);
    if (query.from !== undefined) select = select.where('decided_at', '>=', query.from);
    if (query.to !== undefined) select = select.where('decided_at', '<', query.to);
    if (beforeId !== undefined) select = select.where('id', '<', beforeId);

    const rows = await select.execute();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);

    return {
      entries: page.map((row): AuditEntry => ({
        id: row.id,
        flowId: row.flow_id,
        flowVersion: row.flow_version,
        leadId: row.lead_id,
        ownerId: row.owner_id,
        route: JSON.parse(row.route) as string[],
        reason: row.reason,
        reasonText: row.reason_text,
        decidedAt: row.decided_at,
        idempotencyKey: row.idempotency_key,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
    };
  });
}

// The cursor is opaque to clients so that its content may change; today it
// holds the id of the last entry of the previous page.
function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ before: id }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      before?: unknown;
    };
    if (typeof value.before === 'number' && Number.isInteger(value.before)) return value.before;
  } catch {
    // Reported below.
  }
  throw apiError(400, 'validation-failed', 'cursorInvalid', {}, (message) => ({
    issues: [{ path: 'cursor', code: 'custom', message }],
  }));
}
