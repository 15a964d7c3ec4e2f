import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { insertToken, ROLES } from '../auth/tokens.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Role } from '../db/schema.js';
import { apiError } from '../http/api-messages.js';
import { principalOf, requirePermission } from '../http/request-context.js';
import { parseBody } from '../http/validation.js';

const createKeySchema = z
  .object({
    role: z.enum(ROLES as [Role, ...Role[]]),
    flowId: z.string().min(1).max(200).optional(),
    label: z.string().max(200).optional(),
    /** ISO 8601 time after which the token no longer works. */
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/** Registers token management: create, list and revoke (owner only). */
export function registerKeyRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const canManage = requirePermission(handle, 'manage-keys');

  app.post('/api/v1/keys', { preHandler: canManage }, async (request, reply) => {
    const { workspaceId } = principalOf(request);
    const input = parseBody(createKeySchema, request.body, 'body');
    if (input.flowId !== undefined && input.role !== 'allocate') {
      throw apiError(400, 'validation-failed', 'keyFlowWithoutAllocate', {}, (message) => ({
        issues: [{ path: 'flowId', code: 'custom', message }],
      }));
    }
    const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
    if (expiresAt !== null && Date.parse(expiresAt) <= Date.now()) {
      throw apiError(
        400,
        'validation-failed',
        'keyExpiresInPast',
        { value: input.expiresAt ?? '' },
        (message) => ({ issues: [{ path: 'expiresAt', code: 'too_small', message }] }),
      );
    }

    const { id, token } = await insertToken(handle.db, {
      workspaceId,
      role: input.role,
      flowId: input.flowId ?? null,
      label: input.label ?? null,
      expiresAt,
    });
    void reply.status(201);
    return { id, token, role: input.role, flowId: input.flowId ?? null, expiresAt };
  });

  app.get('/api/v1/keys', { preHandler: canManage }, async (request) => {
    const { workspaceId } = principalOf(request);
    const rows = await handle.db
      .selectFrom('tokens')
      .select(['id', 'role', 'flow_id', 'label', 'created_at', 'expires_at', 'revoked_at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .execute();
    return {
      keys: rows.map((row) => ({
        id: row.id,
        role: row.role,
        flowId: row.flow_id,
        label: row.label,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
      })),
    };
  });

  app.delete<{ Params: { id: string } }>(
    '/api/v1/keys/:id',
    { preHandler: canManage },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const result = await handle.db
        .updateTable('tokens')
        .set({ revoked_at: new Date().toISOString() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', request.params.id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n)
        throw apiError(404, 'not-found', 'keyNotFound', { id: request.params.id });
      return { revoked: true };
    },
  );
}
