import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSyncApi, SyncApiError } from './sync-api.client';
import { startSyncTestServer, type SyncTestServer } from './sync-test-server';

let server: SyncTestServer;
let htmlServer: http.Server;
let htmlUrl: string;

beforeAll(async () => {
  server = await startSyncTestServer();
  // Stands for the app's own origin, which answers every path with its page.
  htmlServer = http.createServer((request, response) => {
    const status = request.url?.includes('missing') ? 404 : 200;
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html><body>sras</body></html>');
  });
  await new Promise<void>((resolve) => htmlServer.listen(0, '127.0.0.1', resolve));
  htmlUrl = `http://127.0.0.1:${(htmlServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => htmlServer.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<SyncApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SyncApiError);
  return error as SyncApiError;
}

describe('createSyncApi', () => {
  it('reaches a server whose address was typed without a scheme', async () => {
    const address = server.url.replace(/^http:\/\//, '');
    const api = createSyncApi({ serverUrl: `${address}/`, token: server.ownerToken });

    await expect(api.workspace()).resolves.toMatchObject({ role: 'owner' });
  });

  it('rejects an HTML page answered with 200 as not a sras server', async () => {
    const api = createSyncApi({ serverUrl: htmlUrl, token: server.ownerToken });

    const error = await failure(api.workspace());

    expect(error.code).toBe('not-sras-server');
    expect(error.status).toBe(200);
  });

  it('rejects an HTML error page as not a sras server', async () => {
    const api = createSyncApi({ serverUrl: `${htmlUrl}/missing`, token: null });

    expect((await failure(api.setup())).code).toBe('not-sras-server');
  });

  it('rejects JSON of the wrong shape as not a sras server', async () => {
    const fetchJson = vi.fn(async () =>
      Response.json({ id: 'w1', name: 'Other', role: null }, { status: 200 }),
    );
    const api = createSyncApi({ serverUrl: htmlUrl, token: null, fetch: fetchJson });

    expect((await failure(api.workspace())).code).toBe('not-sras-server');
    expect((await failure(api.setup())).code).toBe('not-sras-server');
  });

  it('keeps the server error code of a JSON error answer', async () => {
    const api = createSyncApi({ serverUrl: server.url, token: 'sras_unknown' });

    const error = await failure(api.workspace());

    expect(error.status).toBe(401);
    expect(error.code).not.toBe('not-sras-server');
  });

  it('refuses a token with characters a header cannot carry before sending anything', async () => {
    for (const token of ['sras_wrong😀', '令牌']) {
      const fetchSpy = vi.fn<typeof fetch>();
      const api = createSyncApi({ serverUrl: server.url, token, fetch: fetchSpy });

      expect((await failure(api.workspace())).code).toBe('invalid-token');
      expect(fetchSpy).not.toHaveBeenCalled();
    }
  });

  it('refuses an address with another scheme before sending anything', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const api = createSyncApi({ serverUrl: 'ftp://127.0.0.1:8787', token: null, fetch: fetchSpy });

    const error = await failure(api.setup());

    expect(error.code).toBe('invalid-address');
    expect(error.details.problem).toBe('scheme');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('createSyncApi messages', () => {
  /** Sends a rep list with a weight that is text and returns the server's message. */
  async function rejectionIn(language: string): Promise<string> {
    const api = createSyncApi({ serverUrl: server.url, token: server.ownerToken, language });
    const error = await api
      .putList('reps', [{ id: 'a', name: '张伟', weight: 'heavy' }], 0)
      .catch((caught: unknown) => caught);
    if (!(error instanceof SyncApiError)) throw new Error('expected a SyncApiError');
    expect(error.code).toBe('validation-failed');
    return error.message;
  }

  it('gets the server message in the language it asks for', async () => {
    expect(await rejectionIn('zh-CN')).toBe(
      '第 1 项的字段"weight"应为数字，但请求中是文本"heavy"。请改为数字后重新发送请求。',
    );
    expect(await rejectionIn('en')).toBe(
      'Field "weight" of entry 1 must be a number, but the request has the text "heavy". Change it to a number and send the request again.',
    );
  });
});
