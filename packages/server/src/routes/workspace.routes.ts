import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.js';
import { principalOf, requirePermission } from '../http/request-context.js';
import { parseBody } from '../http/validation.js';
import { createWorkspace, hasWorkspace, MAX_WORKSPACE_NAME_LENGTH } from '../workspaces.js';

const createWorkspaceSchema = z
  .object({ name: z.string().trim().min(1).max(MAX_WORKSPACE_NAME_LENGTH) })
  .strict();

/** Registers first-run set-up and the description of the caller's workspace. */
export function registerWorkspaceRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  app.get('/api/v1/setup', async () => ({ needsWorkspace: !(await hasWorkspace(handle)) }));

  // First run only: once any workspace exists this answers 409, so a stranger
  // who reaches the server cannot make a workspace for themselves.
  app.post('/api/v1/workspaces', async (request, reply) => {
    const { name } = parseBody(createWorkspaceSchema, request.body, 'body');
    const created = await createWorkspace(handle, name, { onlyIfNone: true });
    void reply.status(201);
    return created;
  });

  app.get(
    '/api/v1/workspace',
    { preHandler: requirePermission(handle, 'identify') },
    async (request) => {
      const principal = principalOf(request);
      const workspace = await handle.db
        .selectFrom('workspaces')
        .select(['id', 'name', 'created_at', 'change_seq'])
        .where('id', '=', principal.workspaceId)
        .executeTakeFirstOrThrow();
      return {
        id: workspace.id,
        name: workspace.name,
        createdAt: workspace.created_at,
        latestChange: workspace.change_seq,
        role: principal.role,
        flowId: principal.flowId,
      };
    },
  );
}
