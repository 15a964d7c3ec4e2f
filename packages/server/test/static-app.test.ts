import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('static app', () => {
  let server: TestServer;
  let appDir: string;

  beforeAll(async () => {
    appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-app-'));
    fs.mkdirSync(path.join(appDir, 'assets'));
    fs.writeFileSync(path.join(appDir, 'index.html'), '<!doctype html><title>sras</title>');
    fs.writeFileSync(path.join(appDir, 'assets', 'main-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(appDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    server = await startTestServer('sqlite', { SRAS_APP_DIR: appDir }, { withWorkspace: false });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(appDir, { recursive: true, force: true });
  });

  it('serves index.html at the root', async () => {
    const response = await server.request(null, { method: 'GET', url: '/' });

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>sras</title>');
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await server.request(null, { method: 'GET', url: '/assets/main-abc123.js' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('answers a client route with index.html', async () => {
    const response = await server.request(null, { method: 'GET', url: '/flows/abc?tab=versions' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves the service worker as JavaScript that browsers revalidate', async () => {
    const response = await server.request(null, { method: 'GET', url: '/sw.js' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('addEventListener');
  });

  it('answers a missing build file with a 404, not index.html', async () => {
    const worker = await server.request(null, { method: 'GET', url: '/nested/sw.js' });
    const asset = await server.request(null, { method: 'GET', url: '/assets/gone-123.css' });

    expect(worker.statusCode).toBe(404);
    expect(worker.headers['content-type']).toContain('application/json');
    expect(worker.json().error.code).toBe('route-not-found');
    expect(asset.statusCode).toBe(404);
  });

  it('answers an unknown API path with JSON, not the app', async () => {
    const response = await server.request(null, { method: 'GET', url: '/api/v2/flows' });

    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route-not-found');
  });

  it('answers a POST to a client route with JSON 404', async () => {
    const response = await server.request(null, { method: 'POST', url: '/flows/abc', payload: {} });

    expect(response.statusCode).toBe(404);
  });
});

describe('static app when the app is not built', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('sqlite', {}, { withWorkspace: false });
  });
  afterAll(() => server.close());

  it('answers /sw.js with a 404, not the fallback page', async () => {
    const response = await server.request(null, { method: 'GET', url: '/sw.js' });

    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/json');
  });

  it('says how to build it', async () => {
    const response = await server.request(null, { method: 'GET', url: '/' });

    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain('npm run build');
  });
});

describe('cross-origin requests', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server.close());

  it('answers the pre-flight of an API request', async () => {
    const response = await server.request(null, {
      method: 'OPTIONS',
      url: '/api/v1/flows/f1',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'PUT' },
    });

    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-headers']).toContain('if-match');
  });

  it('lets another origin read responses and the ETag', async () => {
    const response = await server.request(server.ownerToken, {
      method: 'GET',
      url: '/api/v1/reps',
      headers: { origin: 'http://127.0.0.1:5173' },
    });

    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-expose-headers']).toContain('etag');
  });
});
