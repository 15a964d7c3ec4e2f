import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('CompactRequestLog', () => {
  let server: TestServer;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    server = await startTestServer(
      'sqlite',
      {},
      {
        logger: {
          level: 'info',
          stream: {
            write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
          },
        },
      },
    );
  });
  afterAll(() => server.close());

  const linesOf = (reqId: string) => lines.filter((line) => line.reqId === reqId);

  it('writes one line per request with method, URL, status and time', async () => {
    await server.request(server.ownerToken, {
      method: 'GET',
      url: '/api/v1/flows',
      headers: { 'x-request-id': 'list-flows-1' },
    });

    const written = linesOf('list-flows-1');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      method: 'GET',
      url: '/api/v1/flows',
      statusCode: 200,
    });
    expect(typeof written[0]!.ms).toBe('number');
  });

  it('logs a refused request with its status', async () => {
    await server.request(null, {
      method: 'GET',
      url: '/api/v1/flows',
      headers: { 'x-request-id': 'no-token-1' },
    });

    expect(linesOf('no-token-1')).toEqual([expect.objectContaining({ statusCode: 401 })]);
  });
});
