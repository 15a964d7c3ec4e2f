import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const flowDocument = (id: string, name: string) => ({
  format: 'sras.flow',
  version: 1,
  id,
  name,
  timezone: 'Asia/Shanghai',
  nodes: [{ id: 'n1', type: 'source', position: { x: 0, y: 0 }, data: {}, customField: 'kept' }],
  edges: [],
});

describe.each(dialects)('sync API on %s', (dialect) => {
  let server: TestServer;
  const put = (url: string, payload: unknown, revision?: number | string) =>
    server.request(server.ownerToken, {
      method: 'PUT',
      url,
      payload: payload as object,
      headers: revision === undefined ? {} : { 'if-match': String(revision) },
    });
  const get = (url: string) => server.request(server.ownerToken, { method: 'GET', url });

  beforeAll(async () => {
    server = await startTestServer(dialect, { SRAS_BODY_LIMIT_BYTES: String(64 * 1024) });
  });
  afterAll(() => server.close());

  describe('list documents', () => {
    it.each(['reps', 'teams', 'targets', 'existing-owners'])(
      'returns an empty %s list at revision 0',
      async (segment) => {
        const response = await get(`/api/v1/${segment}`);

        expect(response.statusCode).toBe(200);
        expect(response.json()).toEqual({ revision: 0, updatedAt: null, document: [] });
        expect(response.headers.etag).toBe('"0"');
      },
    );

    it('saves reps and counts revisions', async () => {
      const reps = [{ id: 'r1', name: '张伟', capacity: { day: 20 } }];

      const first = await put('/api/v1/reps', reps);
      const second = await put('/api/v1/reps', [...reps, { id: 'r2', name: '李娜' }], 1);
      const read = await get('/api/v1/reps');

      expect(first.json()).toEqual({ revision: 1 });
      expect(second.json()).toEqual({ revision: 2 });
      expect(read.json().document.map((rep: { id: string }) => rep.id)).toEqual(['r1', 'r2']);
    });

    it('answers 412 with the server copy for a stale revision', async () => {
      const response = await put('/api/v1/reps', [{ id: 'r9', name: 'X' }], 1);

      expect(response.statusCode).toBe(412);
      expect(response.json().error.code).toBe('revision-conflict');
      expect(response.json().error.current.revision).toBe(2);
      expect(response.json().error.current.document).toHaveLength(2);
    });

    it('answers 428 when an existing list is written without If-Match', async () => {
      const response = await put('/api/v1/reps', []);

      expect(response.statusCode).toBe(428);
      expect(response.json().error.code).toBe('if-match-required');
    });

    it('accepts a quoted or weak If-Match', async () => {
      const quoted = await put('/api/v1/teams', [{ id: 't1', name: '华东一组' }], '"0"');
      const weak = await put('/api/v1/teams', [{ id: 't1', name: '华东组' }], 'W/"1"');

      expect(quoted.statusCode).toBe(200);
      expect(weak.json()).toEqual({ revision: 2 });
    });

    it('rejects an If-Match that is not a revision', async () => {
      const response = await put('/api/v1/teams', [], 'abc');

      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('If-Match');
    });

    it('rejects a rep with a negative capacity and names the field', async () => {
      const response = await put(
        '/api/v1/reps',
        [{ id: 'r1', name: 'A', capacity: { day: -1 } }],
        2,
      );

      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues[0].path).toBe('0.capacity.day');
    });

    it('rejects two reps with one id and keeps the saved list', async () => {
      const response = await put(
        '/api/v1/reps',
        [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
        2,
      );
      const read = await get('/api/v1/reps');

      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues[0].path).toBe('1.id');
      expect(read.json().revision).toBe(2);
    });

    it('saves an existing-owner list', async () => {
      const owners = [{ phone: '13800000000', owner_id: 'r1' }];
      const response = await put('/api/v1/existing-owners', owners);

      expect(response.statusCode).toBe(200);
      expect((await get('/api/v1/existing-owners')).json().document).toEqual(owners);
    });

    it('rejects an existing owner without owner_id', async () => {
      const response = await put('/api/v1/existing-owners', [{ phone: '1' }], 1);

      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues[0].path).toBe('0.owner_id');
    });
  });

  describe('flows', () => {
    it('creates a flow with 201 and keeps unknown fields', async () => {
      const created = await put('/api/v1/flows/welcome', flowDocument('welcome', '欢迎'));
      const read = await get('/api/v1/flows/welcome');

      expect(created.statusCode).toBe(201);
      expect(created.json()).toEqual({ revision: 1 });
      expect(read.headers.etag).toBe('"1"');
      expect(read.json()).toMatchObject({ id: 'welcome', revision: 1, publishedVersion: null });
      expect(read.json().document.nodes[0].customField).toBe('kept');
    });

    it('lists flows with their names and revisions', async () => {
      const response = await get('/api/v1/flows');

      expect(response.json().flows).toEqual([
        expect.objectContaining({
          id: 'welcome',
          name: '欢迎',
          revision: 1,
          publishedVersion: null,
        }),
      ]);
    });

    it('replaces a flow with If-Match and answers 412 to the stale writer', async () => {
      const first = await put('/api/v1/flows/welcome', flowDocument('welcome', 'A'), 1);
      const stale = await put('/api/v1/flows/welcome', flowDocument('welcome', 'B'), 1);

      expect(first.json()).toEqual({ revision: 2 });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().error.current.document.name).toBe('A');
    });

    it('rejects a document whose id differs from the URL', async () => {
      const response = await put('/api/v1/flows/other', flowDocument('welcome', 'X'));

      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues[0].path).toBe('id');
    });

    it('rejects a document of another format and names the field', async () => {
      const response = await put('/api/v1/flows/bad', {
        ...flowDocument('bad', 'X'),
        format: 'other',
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues[0].path).toBe('format');
    });

    it('answers 404 for a flow that does not exist', async () => {
      const response = await get('/api/v1/flows/missing');

      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not-found');
    });

    it('deletes a flow with If-Match and lets it be created again', async () => {
      await put('/api/v1/flows/temp', flowDocument('temp', 'T'));
      const withoutRevision = await server.request(server.ownerToken, {
        method: 'DELETE',
        url: '/api/v1/flows/temp',
      });
      const deleted = await server.request(server.ownerToken, {
        method: 'DELETE',
        url: '/api/v1/flows/temp',
        headers: { 'if-match': '1' },
      });
      const read = await get('/api/v1/flows/temp');
      const recreated = await put('/api/v1/flows/temp', flowDocument('temp', 'T2'));

      expect(withoutRevision.statusCode).toBe(428);
      expect(deleted.json()).toEqual({ revision: 2 });
      expect(read.statusCode).toBe(404);
      expect(recreated.statusCode).toBe(201);
      expect(recreated.json()).toEqual({ revision: 3 });
    });
  });

  describe('changes', () => {
    it('pulls every change after a number, oldest first, in pages', async () => {
      const all = await get('/api/v1/changes?since=0');
      const { changes, next, more } = all.json();
      const seqs = changes.map((change: { seq: number }) => change.seq);

      expect(more).toBe(false);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(next).toBe(seqs.at(-1));

      const firstPage = (await get('/api/v1/changes?since=0&limit=2')).json();
      const secondPage = (await get(`/api/v1/changes?since=${firstPage.next}&limit=2`)).json();
      expect(firstPage.more).toBe(true);
      expect(firstPage.changes).toHaveLength(2);
      expect(secondPage.changes[0].seq).toBeGreaterThan(firstPage.next);
    });

    it('returns the latest state of a document once, with tombstones', async () => {
      const changes = (await get('/api/v1/changes?since=0')).json().changes as {
        kind: string;
        id: string;
        deleted: boolean;
      }[];
      const welcome = changes.filter((change) => change.kind === 'flow' && change.id === 'welcome');

      expect(welcome).toHaveLength(1);
      expect(changes.find((change) => change.id === 'temp')?.deleted).toBe(false);
    });

    it('returns nothing after the latest change', async () => {
      const { next } = (await get('/api/v1/changes?since=0')).json();
      const after = (await get(`/api/v1/changes?since=${next}`)).json();

      expect(after).toEqual({ changes: [], next, more: false });
    });

    it('rejects a negative since', async () => {
      const response = await get('/api/v1/changes?since=-1');

      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues[0].path).toBe('since');
    });
  });

  describe('errors', () => {
    it('answers 400 invalid-json to a broken body', async () => {
      const response = await server.request(server.ownerToken, {
        method: 'PUT',
        url: '/api/v1/reps',
        headers: { 'content-type': 'application/json', 'if-match': '2' },
        payload: '[{',
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid-json');
    });

    it('answers 413 body-too-large above the body limit', async () => {
      const reps = Array.from({ length: 2000 }, (_, index) => ({
        id: `r${index}`,
        name: `Rep number ${index}`,
      }));
      const response = await put('/api/v1/reps', reps, 2);

      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('body-too-large');
    });

    it('answers unknown API routes with a JSON 404', async () => {
      const response = await get('/api/v1/nothing-here');

      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('route-not-found');
    });
  });
});
