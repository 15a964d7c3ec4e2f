import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** `METHOD /path` of every operation in the OpenAPI document. */
function describedOperations(): string[] {
  return Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => HTTP_METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('OpenAPI description', () => {
  let server: TestServer;
  const registered: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(
      'sqlite',
      {},
      {
        withWorkspace: false,
        onRoute: (route) => {
          if (!route.url.startsWith('/api/')) return;
          const path = route.url.replace(/:(\w+)/g, '{$1}');
          for (const method of [route.method].flat()) {
            // HEAD and the CORS pre-flight OPTIONS are answered for every route.
            if (method !== 'HEAD' && method !== 'OPTIONS') registered.push(`${method} ${path}`);
          }
        },
      },
    );
  });
  afterAll(() => server.close());

  it('describes every registered API route', () => {
    const described = describedOperations();

    expect(registered.length).toBeGreaterThan(10);
    for (const route of registered) {
      expect(described, `${route} is missing from the OpenAPI document`).toContain(route);
    }
  });

  it('describes no route that the server lacks', () => {
    for (const operation of describedOperations()) {
      expect(registered, `${operation} is described but not served`).toContain(operation);
    }
  });

  it('is served as OpenAPI 3.1 without a token', async () => {
    const response = await server.request(null, { method: 'GET', url: '/api/v1/openapi.json' });

    expect(response.statusCode).toBe(200);
    expect(response.json().openapi).toBe('3.1.0');
  });

  it('names every schema that a $ref points to', () => {
    const text = JSON.stringify(openApiDocument);
    const names = [...text.matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]!);

    for (const name of new Set(names)) {
      expect(Object.keys(openApiDocument.components.schemas)).toContain(name);
    }
  });
});
