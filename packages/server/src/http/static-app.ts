import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { apiError } from './api-messages.js';

// Paths naming a file of the build. A missing one gets a 404, never
// index.html: HTML served as /sw.js or a script would fail in the browser
// with a confusing MIME error, and a service worker would cache it.
const BUILD_FILE_PATTERN =
  /\.(?:js|mjs|css|map|json|webmanifest|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|wasm|txt)$/i;

/**
 * Serves the built app from `appDir` and answers client routes (any GET
 * outside /api that names no file) with index.html, so that a reload on
 * /flows/abc opens the app there. Unknown API paths and missing build files
 * (sw.js, assets) get a JSON 404. sw.js is sent with `Cache-Control:
 * no-cache`, so that browsers check for a new build on every visit.
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
    if (!isApi && request.method === 'GET' && BUILD_FILE_PATTERN.test(pathname)) {
      throw apiError(404, 'route-not-found', 'buildFileMissing', { path: pathname });
    }
    if (!isApi && request.method === 'GET' && hasApp) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (!isApi && request.method === 'GET') {
      throw apiError(404, 'route-not-found', 'appNotBuilt', { file: indexFile });
    }
    throw apiError(404, 'route-not-found', 'routeNotFound', {
      method: request.method,
      path: pathname,
    });
  });
}
