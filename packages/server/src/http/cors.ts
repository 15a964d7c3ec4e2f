import type { FastifyInstance } from 'fastify';

const ALLOWED_HEADERS = 'authorization, content-type, if-match, idempotency-key, x-request-id';
const EXPOSED_HEADERS =
  'etag, idempotent-replayed, retry-after, x-ratelimit-limit, x-ratelimit-remaining';

/**
 * Lets the app call the API from another origin (the Vite dev server, or an
 * app served elsewhere). Any origin is allowed because the API authenticates
 * with bearer tokens, never with cookies, so a foreign page gains nothing it
 * could not do with the token itself.
 */
export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.headers.origin) return;
    void reply.header('access-control-allow-origin', '*');
    void reply.header('access-control-expose-headers', EXPOSED_HEADERS);
  });

  app.options('/api/*', async (_request, reply) => {
    void reply
      .header('access-control-allow-methods', 'GET, PUT, POST, DELETE')
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', '86400');
    return reply.status(204).send();
  });
}
