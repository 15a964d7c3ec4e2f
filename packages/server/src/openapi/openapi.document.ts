/**
 * OpenAPI 3.1 description of the HTTP API, served at /api/v1/openapi.json.
 * A test compares its paths and methods with the routes Fastify registers,
 * so a route added without a description fails the build.
 */

const json = (schema: object) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

const authErrors = {
  '401': errorResponse(
    'Token missing, unknown, revoked or expired (`token-missing`, `token-invalid`, `token-expired`).',
  ),
  '403': errorResponse("The token's role does not allow this (`forbidden`)."),
  '429': errorResponse('Too many requests for this token (`rate-limited`).'),
};

const writeErrors = {
  ...authErrors,
  '400': errorResponse(
    'Invalid body or If-Match header (`validation-failed`, `invalid-json`); `issues` lists each problem with its path.',
  ),
  '412': errorResponse(
    "Stale revision (`revision-conflict`); `error.current` holds the server's copy.",
  ),
  '413': errorResponse('Body too large (`body-too-large`).'),
  '428': errorResponse('The object exists and the request has no If-Match (`if-match-required`).'),
};

const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description:
    'Revision the change is based on: required when the object exists, absent or 0 to create it.',
  schema: { type: 'string', examples: ['"3"'] },
};

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

function listDocumentPaths(segment: string, itemSchema: object, what: string) {
  return {
    [`/api/v1/${segment}`]: {
      get: {
        summary: `Read the workspace's ${what}`,
        tags: ['sync'],
        responses: {
          '200': {
            description: `The ${what} with its revision (0 and an empty list before the first write).`,
            content: json({
              type: 'object',
              required: ['revision', 'updatedAt', 'document'],
              properties: {
                revision: { type: 'integer' },
                updatedAt: { type: ['string', 'null'], format: 'date-time' },
                document: { type: 'array', items: itemSchema },
              },
            }),
          },
          ...authErrors,
        },
      },
      put: {
        summary: `Replace the workspace's ${what}`,
        tags: ['sync'],
        parameters: [ifMatch],
        requestBody: { required: true, content: json({ type: 'array', items: itemSchema }) },
        responses: {
          '200': { description: 'Saved.', content: json(ref('Revision')) },
          ...writeErrors,
        },
      },
    },
  };
}

/** Adds the 422 that a version list answers when it leaves out a document the server lacks. */
function withSavedVersionNotes<T extends Record<string, { put: { responses: object } }>>(
  paths: T,
): T {
  for (const path of Object.values(paths)) {
    path.put.responses = {
      ...path.put.responses,
      '422': errorResponse(
        'An item without `document` names a version the server has no document for (`version-document-missing`); `error.missing` lists their ids. Send them with their documents.',
      ),
    };
  }
  return paths;
}

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'sras server',
    version: '1.0.0',
    description:
      'Sync API for flows, flow versions, reps, teams, targets and existing-owner lists, and the allocation API that runs published flows. ' +
      'Every request but set-up needs `Authorization: Bearer <token>`. Every error is `{ "error": { "code", "message" } }`. ' +
      'Messages are in Chinese when `Accept-Language` ranks Chinese above English, else in English (see `Content-Language`); clients branch on the stable `code`. A 500 `internal-error` carries `requestId`, the id of its entry in the server log.',
  },
  servers: [{ url: '/' }],
  security: [{ bearerToken: [] }],
  tags: [
    { name: 'setup', description: "First run and the caller's workspace" },
    { name: 'sync', description: 'Documents with revisions and the change feed' },
    { name: 'keys', description: 'Tokens (owner only)' },
    { name: 'allocation', description: 'Running published flows and the audit log' },
  ],
  paths: {
    '/api/v1/setup': {
      get: {
        summary: 'Tell whether the server still needs its first workspace',
        tags: ['setup'],
        security: [],
        responses: {
          '200': {
            description: 'Set-up state.',
            content: json({
              type: 'object',
              required: ['needsWorkspace'],
              properties: { needsWorkspace: { type: 'boolean' } },
            }),
          },
        },
      },
    },
    '/api/v1/workspaces': {
      post: {
        summary: 'Create the first workspace (only while the server has none)',
        tags: ['setup'],
        security: [],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string', minLength: 1, maxLength: 200 } },
          }),
        },
        responses: {
          '201': {
            description: 'The workspace and its owner token, shown only this once.',
            content: json({
              type: 'object',
              required: ['workspaceId', 'ownerToken'],
              properties: { workspaceId: { type: 'string' }, ownerToken: { type: 'string' } },
            }),
          },
          '400': errorResponse('Invalid name.'),
          '409': errorResponse('A workspace already exists (`workspace-exists`).'),
        },
      },
    },
    '/api/v1/workspace': {
      get: {
        summary: "Describe the caller's workspace and token",
        tags: ['setup'],
        responses: {
          '200': {
            description: 'Workspace and role.',
            content: json({
              type: 'object',
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                createdAt: { type: 'string', format: 'date-time' },
                latestChange: { type: 'integer' },
                role: ref('Role'),
                flowId: { type: ['string', 'null'] },
              },
            }),
          },
          ...authErrors,
        },
      },
    },
    ...listDocumentPaths('reps', ref('Rep'), 'rep list'),
    ...listDocumentPaths(
      'teams',
      { type: 'object', required: ['id', 'name'], additionalProperties: true },
      'team list',
    ),
    ...listDocumentPaths(
      'targets',
      { type: 'object', required: ['id'], additionalProperties: true },
      'target list',
    ),
    ...listDocumentPaths('existing-owners', ref('ExistingOwner'), 'existing-owner list'),
    ...withSavedVersionNotes(
      listDocumentPaths(
        'flow-versions',
        {
          type: 'object',
          required: ['id', 'flowId', 'name', 'createdAt'],
          properties: {
            id: { type: 'string' },
            flowId: { type: 'string' },
            name: { type: 'string' },
            document: {
              ...ref('FlowDocument'),
              description:
                'The saved flow document. Sent only for versions the server lacks; never returned in the list, the change feed or a 412 (fetch it with `GET /api/v1/flow-versions/documents`).',
            },
            createdAt: { type: 'number', description: 'Epoch milliseconds.' },
          },
          additionalProperties: true,
        },
        'flow version list (summaries; documents apart)',
      ),
    ),
    '/api/v1/flow-versions/documents': {
      get: {
        summary: 'Read the documents of saved flow versions',
        tags: ['sync'],
        parameters: [
          {
            name: 'ids',
            in: 'query',
            required: true,
            description: 'Comma-separated version ids, at most 100.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description:
              'The documents in the order asked for; `missing` lists ids without a document (the version was deleted).',
            content: json({
              type: 'object',
              required: ['versions', 'missing'],
              properties: {
                versions: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'flowId', 'document'],
                    properties: {
                      id: { type: 'string' },
                      flowId: { type: 'string' },
                      document: ref('FlowDocument'),
                    },
                  },
                },
                missing: { type: 'array', items: { type: 'string' } },
              },
            }),
          },
          '400': errorResponse('No ids, or more than 100 (`validation-failed`).'),
          ...authErrors,
        },
      },
    },
    '/api/v1/flows': {
      get: {
        summary: 'List the flows that are not deleted',
        tags: ['sync'],
        responses: {
          '200': {
            description: 'Flows without their documents.',
            content: json({
              type: 'object',
              properties: {
                flows: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      name: { type: 'string' },
                      revision: { type: 'integer' },
                      updatedAt: { type: 'string', format: 'date-time' },
                      publishedVersion: { type: ['integer', 'null'] },
                    },
                  },
                },
              },
            }),
          },
          ...authErrors,
        },
      },
    },
    '/api/v1/flows/{id}': {
      parameters: [idParam],
      get: {
        summary: 'Read a flow document',
        tags: ['sync'],
        responses: {
          '200': {
            description: 'The flow; the ETag header holds its revision.',
            content: json(ref('StoredFlow')),
          },
          '404': errorResponse('No such flow in this workspace (`not-found`).'),
          ...authErrors,
        },
      },
      put: {
        summary: 'Create or replace a flow document',
        tags: ['sync'],
        parameters: [ifMatch],
        requestBody: { required: true, content: json(ref('FlowDocument')) },
        responses: {
          '200': { description: 'Replaced.', content: json(ref('Revision')) },
          '201': { description: 'Created.', content: json(ref('Revision')) },
          ...writeErrors,
        },
      },
      delete: {
        summary: 'Delete a flow (kept as a tombstone in the change feed)',
        tags: ['sync'],
        parameters: [{ ...ifMatch, required: true }],
        responses: {
          '200': { description: 'Deleted.', content: json(ref('Revision')) },
          '404': errorResponse('No such flow (`not-found`).'),
          ...writeErrors,
        },
      },
    },
    '/api/v1/flows/{id}/publish': {
      parameters: [idParam],
      post: {
        summary: 'Publish a revision of a flow so that allocation runs it',
        tags: ['sync'],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['revision'],
            properties: {
              revision: { type: 'integer', minimum: 1 },
              document: {
                ...ref('FlowDocument'),
                description:
                  "A saved version of the flow to publish instead of its current document; its id must be the flow's. `revision` must still be the current revision.",
              },
            },
          }),
        },
        responses: {
          '200': {
            description: "The new published version number, and the validator's warnings.",
            content: json({
              type: 'object',
              required: ['version', 'warnings'],
              properties: {
                version: { type: 'integer' },
                warnings: { type: 'array', items: ref('FlowProblem') },
              },
            }),
          },
          '400': errorResponse(
            'The body is invalid, or `document` is another flow (`validation-failed`).',
          ),
          '404': errorResponse('No such flow (`not-found`).'),
          '412': errorResponse("The revision is not the flow's current one (`revision-conflict`)."),
          '422': errorResponse(
            'The flow has validation errors (`flow-has-errors`); `error.problems` lists them with node and field.',
          ),
          ...authErrors,
        },
      },
    },
    '/api/v1/flows/{id}/versions': {
      parameters: [idParam],
      get: {
        summary: 'List the published versions of a flow',
        tags: ['sync'],
        responses: {
          '200': {
            description: 'Versions, newest first.',
            content: json({
              type: 'object',
              properties: {
                publishedVersion: { type: ['integer', 'null'] },
                versions: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      version: { type: 'integer' },
                      revision: { type: 'integer' },
                      publishedAt: { type: 'string', format: 'date-time' },
                    },
                  },
                },
              },
            }),
          },
          '404': errorResponse('No such flow (`not-found`).'),
          ...authErrors,
        },
      },
    },
    '/api/v1/flows/{id}/allocate': {
      parameters: [idParam],
      post: {
        summary: "Allocate one lead or a batch with the flow's published version",
        tags: ['allocation'],
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'Up to 200 characters, unique per workspace. A retry with the same key and body returns the first answer without allocating again.',
            schema: { type: 'string', maxLength: 200 },
          },
        ],
        requestBody: {
          required: true,
          content: json({
            oneOf: [
              { type: 'object', required: ['lead'], properties: { lead: ref('Lead') } },
              {
                type: 'object',
                required: ['leads'],
                properties: { leads: { type: 'array', items: ref('Lead'), maxItems: 1000 } },
              },
            ],
          }),
        },
        responses: {
          '200': {
            description:
              'One result per lead, in input order. The header Idempotent-Replayed: true marks a repeated answer.',
            content: json({
              type: 'object',
              properties: { results: { type: 'array', items: ref('AllocationResult') } },
            }),
          },
          '400': errorResponse('Invalid body (`validation-failed`).'),
          '404': errorResponse('No such flow (`not-found`).'),
          '409': errorResponse('The flow has no published version (`flow-not-published`).'),
          '413': errorResponse(
            'More than 1,000 leads (`too-many-leads`) or body too large (`body-too-large`).',
          ),
          '422': errorResponse(
            'The Idempotency-Key was used with another body (`idempotency-key-reused`).',
          ),
          ...authErrors,
        },
      },
    },
    '/api/v1/audit': {
      get: {
        summary: 'Page through the allocation decisions, newest first',
        tags: ['allocation'],
        parameters: [
          { name: 'flowId', in: 'query', schema: { type: 'string' } },
          { name: 'ownerId', in: 'query', schema: { type: 'string' } },
          { name: 'leadId', in: 'query', schema: { type: 'string' } },
          {
            name: 'from',
            in: 'query',
            description: 'Earliest decision time, inclusive.',
            schema: { type: 'string', format: 'date-time' },
          },
          {
            name: 'to',
            in: 'query',
            description: 'Latest decision time, exclusive.',
            schema: { type: 'string', format: 'date-time' },
          },
          {
            name: 'cursor',
            in: 'query',
            description: 'The `nextCursor` of the previous page.',
            schema: { type: 'string' },
          },
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        ],
        responses: {
          '200': {
            description: 'One page of entries; `nextCursor` is null on the last page.',
            content: json({
              type: 'object',
              properties: {
                entries: { type: 'array', items: ref('AuditEntry') },
                nextCursor: { type: ['string', 'null'] },
              },
            }),
          },
          '400': errorResponse('Invalid filter or cursor (`validation-failed`).'),
          ...authErrors,
        },
      },
    },
    '/api/v1/changes': {
      get: {
        summary: 'Pull the documents changed after a change number',
        tags: ['sync'],
        parameters: [
          { name: 'since', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 500, default: 500 },
          },
        ],
        responses: {
          '200': {
            description:
              'Changed documents oldest first; pass `next` as `since` while `more` is true.',
            content: json({
              type: 'object',
              properties: {
                changes: { type: 'array', items: ref('Change') },
                next: { type: 'integer' },
                more: { type: 'boolean' },
              },
            }),
          },
          ...authErrors,
        },
      },
    },
    '/api/v1/keys': {
      get: {
        summary: "List the workspace's tokens (never the secrets)",
        tags: ['keys'],
        responses: {
          '200': {
            description: 'Tokens.',
            content: json({
              type: 'object',
              properties: { keys: { type: 'array', items: ref('Key') } },
            }),
          },
          ...authErrors,
        },
      },
      post: {
        summary: 'Create a token',
        tags: ['keys'],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['role'],
            properties: {
              role: ref('Role'),
              flowId: {
                type: 'string',
                description: 'Allocate tokens only: the one flow the token may run.',
              },
              label: { type: 'string', maxLength: 200 },
              expiresAt: { type: 'string', format: 'date-time' },
            },
          }),
        },
        responses: {
          '201': {
            description: 'The token, shown only this once.',
            content: json({
              type: 'object',
              properties: {
                id: { type: 'string' },
                token: { type: 'string' },
                role: ref('Role'),
                flowId: { type: ['string', 'null'] },
                expiresAt: { type: ['string', 'null'], format: 'date-time' },
              },
            }),
          },
          '400': errorResponse('Invalid request (`validation-failed`).'),
          ...authErrors,
        },
      },
    },
    '/api/v1/keys/{id}': {
      parameters: [idParam],
      delete: {
        summary: 'Revoke a token',
        tags: ['keys'],
        responses: {
          '200': {
            description: 'Revoked.',
            content: json({ type: 'object', properties: { revoked: { type: 'boolean' } } }),
          },
          '404': errorResponse('No such token, or already revoked (`not-found`).'),
          ...authErrors,
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        summary: 'This description',
        tags: ['setup'],
        security: [],
        responses: {
          '200': { description: 'OpenAPI 3.1 document.', content: json({ type: 'object' }) },
        },
      },
    },
  },
  components: {
    securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              issues: {
                type: 'array',
                description:
                  "With `validation-failed`: each problem, with its raw path (`leads.3.phone`), zod's issue code and its message.",
                items: {
                  type: 'object',
                  required: ['path', 'code', 'message'],
                  properties: {
                    path: { type: 'string' },
                    code: { type: 'string' },
                    message: { type: 'string' },
                  },
                },
              },
            },
            additionalProperties: true,
          },
        },
      },
      Role: { type: 'string', enum: ['owner', 'editor', 'viewer', 'allocate'] },
      Revision: {
        type: 'object',
        required: ['revision'],
        properties: { revision: { type: 'integer' } },
      },
      FlowDocument: {
        type: 'object',
        description: 'A flow document, format `sras.flow` version 1; unknown fields are kept.',
        required: ['format', 'version', 'id', 'name', 'nodes', 'edges'],
        properties: {
          format: { const: 'sras.flow' },
          version: { const: 1 },
          id: { type: 'string' },
          name: { type: 'string' },
          description: { type: 'string' },
          timezone: { type: 'string', default: 'Asia/Shanghai' },
          nodes: { type: 'array', items: { type: 'object' } },
          edges: { type: 'array', items: { type: 'object' } },
        },
        additionalProperties: true,
      },
      StoredFlow: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          revision: { type: 'integer' },
          updatedAt: { type: 'string', format: 'date-time' },
          publishedVersion: { type: ['integer', 'null'] },
          document: ref('FlowDocument'),
        },
      },
      Change: {
        type: 'object',
        properties: {
          seq: { type: 'integer' },
          kind: {
            type: 'string',
            enum: ['flow', 'reps', 'teams', 'targets', 'existing-owners', 'flow-versions'],
          },
          id: { type: 'string' },
          revision: { type: 'integer' },
          deleted: { type: 'boolean' },
          updatedAt: { type: 'string', format: 'date-time' },
          publishedVersion: { type: ['integer', 'null'] },
          document: { description: 'The document; null when deleted.' },
        },
      },
      Rep: {
        type: 'object',
        required: ['id', 'name'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          team: { type: 'string' },
          active: { type: 'boolean' },
          weight: { type: 'number', minimum: 0 },
          capacity: {
            type: 'object',
            properties: {
              day: { type: ['integer', 'null'] },
              week: { type: ['integer', 'null'] },
              month: { type: ['integer', 'null'] },
            },
          },
          openLeads: { type: 'integer', minimum: 0 },
          unavailable: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: { type: 'string', format: 'date' },
                to: { type: 'string', format: 'date' },
              },
            },
          },
          formerNames: {
            type: 'array',
            items: { type: 'string' },
            description: 'Names the rep had before renames; owners in deal files still match them.',
          },
        },
        additionalProperties: true,
      },
      ExistingOwner: {
        type: 'object',
        required: ['owner_id'],
        properties: {
          phone: { type: ['string', 'null'] },
          email: { type: ['string', 'null'] },
          company: { type: ['string', 'null'] },
          owner_id: { type: 'string' },
        },
        additionalProperties: true,
      },
      Lead: {
        type: 'object',
        description:
          'Field names may be the standard ones or their Chinese and English synonyms (手机, phone, 公司名, …).',
        additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
      },
      AllocationResult: {
        type: 'object',
        required: ['leadId', 'ownerId', 'route', 'reason'],
        properties: {
          leadId: {
            type: 'string',
            description:
              "The lead's `id` field. A lead sent without one gets a unique `auto-…` id, also used in the audit log; two leads of one request may not share an id.",
          },
          ownerId: { type: ['string', 'null'] },
          route: {
            type: 'array',
            items: { type: 'string' },
            description: '`nodeId:handle` steps.',
          },
          reason: { type: 'string', enum: ['assigned', 'existing-owner', 'pool', 'no-route'] },
          reasonText: { type: ['string', 'null'] },
        },
      },
      AuditEntry: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          flowId: { type: 'string' },
          flowVersion: { type: 'integer' },
          leadId: { type: 'string' },
          ownerId: { type: ['string', 'null'] },
          route: { type: 'array', items: { type: 'string' } },
          reason: { type: 'string' },
          reasonText: { type: ['string', 'null'] },
          decidedAt: { type: 'string', format: 'date-time' },
          idempotencyKey: { type: ['string', 'null'] },
        },
      },
      FlowProblem: {
        type: 'object',
        description:
          "A validator finding; `code` is stable and names an entry of the engine's message catalogue.",
        required: ['code', 'severity', 'params'],
        properties: {
          code: { type: 'string' },
          severity: { type: 'string', enum: ['error', 'warning'] },
          nodeId: { type: 'string' },
          edgeId: { type: 'string' },
          field: { type: 'string' },
          params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
        },
      },
      Key: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          role: ref('Role'),
          flowId: { type: ['string', 'null'] },
          label: { type: ['string', 'null'] },
          createdAt: { type: 'string', format: 'date-time' },
          expiresAt: { type: ['string', 'null'], format: 'date-time' },
          revokedAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
    },
  },
} as const;
