import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../openapi/openapi.document.js';

/** Serves the OpenAPI 3.1 description of the API. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get('/api/v1/openapi.json', async () => openApiDocument);
}
