import type { FastifyInstance } from 'fastify';
import { readAllocateBody } from '../allocation/allocate-request.js';
import { allocateLeads } from '../allocation/allocation.service.js';
import { FlowRuntimeCache } from '../allocation/flow-runtime.cache.js';
import { hashRequest, readIdempotencyKey } from '../allocation/idempotency.js';
import type { ServerConfig } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { apiError } from '../http/api-messages.js';
import { principalOf, requirePermission } from '../http/request-context.js';

/**
 * The JSON schema of a 200 answer, so that Fastify serialises it with a
 * compiled fast-json-stringify function instead of JSON.stringify. It must
 * list every field of `AllocationResultView`: fields it omits are dropped.
 */
const allocateResponseSchema = {
  type: 'object',
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['leadId', 'ownerId', 'route', 'reason', 'reasonText'],
        properties: {
          leadId: { type: 'string' },
          ownerId: { type: ['string', 'null'] },
          route: { type: 'array', items: { type: 'string' } },
          reason: { type: 'string' },
          reasonText: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

/** Registers `POST /api/v1/flows/:id/allocate`. */
export function registerAllocationRoutes(
  app: FastifyInstance,
  database: DatabaseHandle,
  config: ServerConfig,
  cache: FlowRuntimeCache = new FlowRuntimeCache(),
): void {
  app.post<{ Params: { id: string } }>(
    '/api/v1/flows/:id/allocate',
    {
      preHandler: requirePermission(database, 'allocate'),
      bodyLimit: config.allocateBodyLimitBytes,
      schema: { response: { 200: allocateResponseSchema } },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const flowId = request.params.id;
      if (principal.flowId !== null && principal.flowId !== flowId) {
        throw apiError(403, 'forbidden', 'tokenFlowOnly', {
          flowId: principal.flowId,
          requested: flowId,
        });
      }

      const leads = readAllocateBody(request.body);
      const idempotencyKey = readIdempotencyKey(request.headers['idempotency-key']);

      const answer = await allocateLeads(database, cache, {
        principal,
        flowId,
        leads,
        idempotencyKey,
        // Only a keyed request is compared with an earlier one.
        requestHash: idempotencyKey === null ? '' : hashRequest(flowId, request.body),
        requestId: request.id,
        log: request.log,
      });
      if (answer.replayed) void reply.header('idempotent-replayed', 'true');
      return answer.body;
    },
  );
}
