import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.js';

/**
 * Serves the built app from `appDir` and answers client routes (any GET
 * outside /api that names no file) with index.html, so that a reload on
 * /flows/abc opens the app there. Unknown API paths get a JSON 404.
 */
export async function registerStaticApp(app: FastifyInstance, appDir: string): Promise<void> {
  const indexFile = path.join(appDir, 'index.html');
  const hasApp = fs.existsSync(indexFile);

  if (hasApp) {
    await app.register(fastifyStatic, {
      root: appDir,
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      // Hashed asset names change with their content, so they may be cached for good;
      // index.html must be fetched again to pick up a new build.
      setHeaders: (res, filePath) => {
        const cacheControl = filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache';
        res.setHeader('cache-control', cacheControl);
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    if (!isApi && request.method === 'GET' && hasApp) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (!isApi && request.method === 'GET') {
      throw new ApiError(
        404,
        'route-not-found',
        `The app is not built (no ${indexFile}). Run "npm run build", then restart the server.`,
      );
    }
    throw new ApiError(
      404,
      'route-not-found',
      `No API route ${request.method} ${pathname}. The routes are listed at /api/v1/openapi.json.`,
    );
  });
}
