import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const flowDocument = (id: string, name: string) => ({
  format: 'sras.flow',
  version: 1,
  id,
  name,
  timezone: 'Asia/Shanghai',
  nodes: [{ id: 'n1', type: 'source', position: { x: 0, y: 0 }, data: {} }],
  edges: [],
});

const savedVersion = (id: string, name: string) => ({
  id,
  flowId: 'flow-1',
  name,
  createdAt: 1_700_000_000_000,
  flowRevision: 3,
  document: flowDocument('flow-1', name),
});

const summaryOf = ({ document: _document, ...summary }: ReturnType<typeof savedVersion>) => summary;

describe.each(dialects)('saved flow versions on %s', (dialect) => {
  let server: TestServer;
  const put = (payload: unknown, revision: number) =>
    server.request(server.ownerToken, {
      method: 'PUT',
      url: '/api/v1/flow-versions',
      payload: payload as object,
      headers: { 'if-match': String(revision) },
    });
  const get = (url: string) => server.request(server.ownerToken, { method: 'GET', url });

  const v1 = savedVersion('version_1', '上线前');
  const v2 = savedVersion('version_2', 'After review');

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('keeps summaries in the list and the documents apart', async () => {
    const saved = await put([v1], 0);
    const list = await get('/api/v1/flow-versions');
    const documents = await get('/api/v1/flow-versions/documents?ids=version_1');

    expect(saved.json()).toEqual({ revision: 1 });
    expect(list.json().document).toEqual([summaryOf(v1)]);
    expect(documents.json()).toEqual({
      versions: [{ id: 'version_1', flowId: 'flow-1', document: v1.document }],
      missing: [],
    });
  });

  it('sends summaries in the change feed', async () => {
    const changes = await get('/api/v1/changes?since=0');
    const change = changes
      .json()
      .changes.find((item: { kind: string }) => item.kind === 'flow-versions');

    expect(change.document).toEqual([summaryOf(v1)]);
  });

  it('accepts a known version without its document next to a new one', async () => {
    const saved = await put([summaryOf(v1), v2], 1);
    const documents = await get('/api/v1/flow-versions/documents?ids=version_2,version_1');

    expect(saved.json()).toEqual({ revision: 2 });
    expect(documents.json().versions.map((version: { id: string }) => version.id)).toEqual([
      'version_2',
      'version_1',
    ]);
  });

  it('rejects an unknown version without its document and changes nothing', async () => {
    const { document: _document, ...unknown } = savedVersion('version_3', 'Lost');

    const response = await put([summaryOf(v1), summaryOf(v2), unknown], 2);
    const list = await get('/api/v1/flow-versions');

    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('version-document-missing');
    expect(response.json().error.missing).toEqual(['version_3']);
    expect(response.json().error.message).toContain('"version_3" (entry 3)');
    expect(list.json().revision).toBe(2);
  });

  it('deletes the document of a version removed from the list', async () => {
    await put([summaryOf(v2)], 2);
    const documents = await get('/api/v1/flow-versions/documents?ids=version_1,version_2');

    expect(documents.json().versions.map((version: { id: string }) => version.id)).toEqual([
      'version_2',
    ]);
    expect(documents.json().missing).toEqual(['version_1']);
  });

  it('rejects more than 100 ids per request', async () => {
    const ids = Array.from({ length: 101 }, (_, index) => `version_${index}`).join(',');

    const response = await get(`/api/v1/flow-versions/documents?ids=${ids}`);

    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('at most 100');
  });

  it('refuses the documents to an allocate token', async () => {
    const token = (
      await server.request(server.ownerToken, {
        method: 'POST',
        url: '/api/v1/keys',
        payload: { role: 'allocate' },
      })
    ).json().token as string;

    const response = await server.request(token, {
      method: 'GET',
      url: '/api/v1/flow-versions/documents?ids=version_2',
    });

    expect(response.statusCode).toBe(403);
  });
});
