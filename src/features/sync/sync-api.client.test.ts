import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncApi, SyncApiError } from './sync-api.client';
import { startSyncTestServer, type SyncTestServer } from './sync-test-server';

describe('createSyncApi', () => {
  let server: SyncTestServer;

  beforeAll(async () => {
    server = await startSyncTestServer();
  });
  afterAll(() => server.close());

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
