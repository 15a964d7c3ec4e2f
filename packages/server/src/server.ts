import rateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import type { ServerConfig } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { apiError } from './http/api-messages.js';
import { installCors } from './http/cors.js';
import { installErrorHandler } from './http/error-handler.js';
import { installJsonBodyParser } from './http/json-body.js';
import { bearerTokenHash, readBearerToken } from './http/request-context.js';
import { CompactRequestLog } from './http/request-log.js';
import { registerStaticApp } from './http/static-app.js';
import { registerAllocationRoutes } from './routes/allocation.routes.js';
import { registerAuditRoutes } from './routes/audit.routes.js';
import { registerKeyRoutes } from './routes/keys.routes.js';
import { registerOpenApiRoute } from './routes/openapi.routes.js';
import { registerSyncRoutes } from './routes/sync.routes.js';
import { registerWorkspaceRoutes } from './routes/workspace.routes.js';

export interface BuildServerOptions {
  config: ServerConfig;
  database: DatabaseHandle;
  /** Fastify logger option; default: pino at `config.logLevel`. */
  logger?: FastifyServerOptions['logger'];
  /** Called for each route as it is registered; the OpenAPI test lists routes with it. */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the Fastify app with every route; the caller migrates the database and listens. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    // Allocation requests from integrators may come in fast; ids make the log joinable.
    requestIdHeader: 'x-request-id',
    // One line per request instead of Fastify's two.
    logController: new CompactRequestLog(),
  });
  app.decorateRequest('principal', null);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  installErrorHandler(app);
  installJsonBodyParser(app);
  installCors(app);

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowMs,
    // Per token, so one integrator cannot starve the others; per address for
    // requests without one. Only the token's hash is kept in memory.
    keyGenerator: (request) => {
      const token = readBearerToken(request);
      return token ? `token:${bearerTokenHash(request, token)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      apiError(429, 'rate-limited', 'rateLimited', {
        max: context.max,
        window: Math.ceil(config.rateLimitWindowMs / 1000),
        retry: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });

  registerWorkspaceRoutes(app, database);
  registerSyncRoutes(app, database);
  registerKeyRoutes(app, database);
  registerAuditRoutes(app, database);
  registerAllocationRoutes(app, database, config);
  registerOpenApiRoute(app);
  await registerStaticApp(app, config.appDir);
  return app;
}
