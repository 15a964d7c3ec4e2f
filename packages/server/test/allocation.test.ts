import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeIdempotencyRecords } from '../src/allocation/idempotency.js';
import { insertToken } from '../src/index.js';
import { brokenFlow, dedupFlow, roundRobinFlow } from './fixtures/flows.js';
import { dialects } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { publishFlows } from './helpers/workspace-setup.js';

interface ResultView {
  leadId: string;
  ownerId: string | null;
  route: string[];
  reason: string;
  reasonText: string | null;
}

const reps = [
  { id: 'a', name: '张伟' },
  { id: 'b', name: '李娜' },
  { id: 'c', name: '王芳', capacity: { day: 1 } },
  { id: 'd', name: '刘洋' },
  { id: 'e', name: '陈静' },
];

describe.each(dialects)('allocation API on %s', (dialect) => {
  let server: TestServer;
  let allocateToken: string;
  let limitedToken: string;
  let viewerToken: string;

  const allocate = async (
    flowId: string,
    body: unknown,
    headers: Record<string, string> = {},
    token?: string,
  ) =>
    server.request(token ?? allocateToken, {
      method: 'POST',
      url: `/api/v1/flows/${flowId}/allocate`,
      payload: body as object,
      headers,
    });
  const owners = (response: { json(): { results: ResultView[] } }) =>
    response.json().results.map((result) => result.ownerId);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await publishFlows(server, reps, [
      roundRobinFlow('rr', ['a', 'b']),
      roundRobinFlow('capped', ['c']),
      dedupFlow('dedup', ['d', 'e']),
      roundRobinFlow('order', ['a', 'b']),
    ]);
    const db = server.database.db;
    allocateToken = (await insertToken(db, { workspaceId: server.workspaceId, role: 'allocate' }))
      .token;
    limitedToken = (
      await insertToken(db, { workspaceId: server.workspaceId, role: 'allocate', flowId: 'rr' })
    ).token;
    viewerToken = (await insertToken(db, { workspaceId: server.workspaceId, role: 'viewer' }))
      .token;
  });
  afterAll(() => server.close());

  it('assigns a single lead and explains the route', async () => {
    const response = await allocate('rr', { lead: { id: 'L1', name: '客户一' } });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      results: [
        { leadId: 'L1', ownerId: 'a', route: ['source:out'], reason: 'assigned', reasonText: null },
      ],
    });
  });

  it('keeps round robin going across requests', async () => {
    const single = await allocate('rr', { lead: { id: 'L2' } });
    const batch = await allocate('rr', { leads: [{ id: 'L3' }, { id: 'L4' }, { id: 'L5' }] });

    expect(owners(single)).toEqual(['b']);
    expect(owners(batch)).toEqual(['a', 'b', 'a']);
  });

  it('returns batch results in input order', async () => {
    const ids = Array.from({ length: 20 }, (_, index) => `order-${index}`);
    const response = await allocate('order', { leads: ids.map((id) => ({ id })) });

    expect(response.json().results.map((result: ResultView) => result.leadId)).toEqual(ids);
  });

  it('gives leads without an id unique generated ids', async () => {
    const first = await allocate('order', { leads: [{ name: 'x' }, { name: 'y' }] });
    const second = await allocate('order', { lead: { name: 'z' } });
    const ids = [...first.json().results, ...second.json().results].map(
      (result: ResultView) => result.leadId,
    );

    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^auto-[0-9a-f-]{36}$/);
  });

  it('files a generated id in the audit log', async () => {
    const response = await allocate('order', { lead: { name: 'audited' } });
    const leadId = (response.json().results[0] as ResultView).leadId;
    const audit = await server.request(server.ownerToken, {
      method: 'GET',
      url: `/api/v1/audit?leadId=${leadId}`,
    });

    expect(audit.json().entries).toHaveLength(1);
  });

  it('stops at a daily capacity and sends the rest to the pool', async () => {
    const response = await allocate('capped', { leads: [{ id: 'C1' }, { id: 'C2' }] });
    const later = await allocate('capped', { lead: { id: 'C3' } });

    expect(owners(response)).toEqual(['c', null]);
    expect(response.json().results[1]).toMatchObject({
      reason: 'pool',
      reasonText: 'everyone is at capacity',
    });
    expect(owners(later)).toEqual([null]);
  });

  it('gives one phone one owner across requests', async () => {
    const first = await allocate('dedup', { lead: { id: 'P1', phone: '13800000001' } });
    const second = await allocate('dedup', { lead: { id: 'P2', phone: '+86 138-0000-0001' } });

    expect(owners(first)).toEqual(['d']);
    expect(owners(second)).toEqual(['d']);
    expect(second.json().results[0].reason).toBe('existing-owner');
  });

  it('reads the phone from Chinese and English synonyms', async () => {
    const chinese = await allocate('dedup', { lead: { id: 'P3', 手机: '13900000002' } });
    const english = await allocate('dedup', { lead: { id: 'P4', mobile: '13900000002' } });

    expect(owners(chinese)).toEqual(['e']);
    expect(owners(english)).toEqual(['e']);
  });

  it('uses the existing-owner list', async () => {
    const list = await server.request(server.ownerToken, {
      method: 'GET',
      url: '/api/v1/existing-owners',
    });
    await server.request(server.ownerToken, {
      method: 'PUT',
      url: '/api/v1/existing-owners',
      payload: [{ phone: '13700000003', owner_id: 'e' }],
      headers: { 'if-match': String(list.json().revision) },
    });

    const response = await allocate('dedup', { lead: { id: 'P5', 手机号码: '13700000003' } });

    expect(owners(response)).toEqual(['e']);
    expect(response.json().results[0].reason).toBe('existing-owner');
  });

  describe('idempotency', () => {
    it('returns the first answer again without allocating', async () => {
      const headers = { 'idempotency-key': 'key-1' };
      const first = await allocate('order', { lead: { id: 'I1' } }, headers);
      const retry = await allocate('order', { lead: { id: 'I1' } }, headers);
      const next = await allocate('order', { lead: { id: 'I2' } });
      const audit = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/audit?leadId=I1',
      });

      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(owners(next)).not.toEqual(owners(first));
      expect(audit.json().entries).toHaveLength(1);
      expect(audit.json().entries[0].idempotencyKey).toBe('key-1');
    });

    it('treats the same body with another key order as the same request', async () => {
      const headers = { 'idempotency-key': 'key-order' };
      const first = await allocate('order', { lead: { id: 'I3', name: 'n' } }, headers);
      const retry = await allocate('order', { lead: { name: 'n', id: 'I3' } }, headers);

      expect(retry.json()).toEqual(first.json());
    });

    it('answers 422 to the same key with another body', async () => {
      const headers = { 'idempotency-key': 'key-2' };
      await allocate('order', { lead: { id: 'I4' } }, headers);
      const reused = await allocate('order', { lead: { id: 'I5' } }, headers);

      expect(reused.statusCode).toBe(422);
      expect(reused.json().error.code).toBe('idempotency-key-reused');
    });

    it('answers 422 to the same key on another flow', async () => {
      const headers = { 'idempotency-key': 'key-3' };
      await allocate('order', { lead: { id: 'I6' } }, headers);
      const reused = await allocate('rr', { lead: { id: 'I6' } }, headers);

      expect(reused.statusCode).toBe(422);
    });

    it('forgets keys older than the retention time', async () => {
      const headers = { 'idempotency-key': 'key-old' };
      const first = await allocate('order', { lead: { id: 'I8' } }, headers);
      const removed = await purgeIdempotencyRecords(
        server.database.db,
        new Date(Date.now() + 1000),
      );
      const retry = await allocate('order', { lead: { id: 'I8' } }, headers);

      expect(removed).toBeGreaterThan(0);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(retry.json().results[0].ownerId).not.toBe(first.json().results[0].ownerId);
    });

    it('rejects a key with spaces', async () => {
      const response = await allocate(
        'order',
        { lead: { id: 'I7' } },
        { 'idempotency-key': 'a b' },
      );

      expect(response.statusCode).toBe(400);
    });
  });

  describe('rejections', () => {
    it('answers 413 to more than 1,000 leads and allocates none', async () => {
      const leads = Array.from({ length: 1001 }, (_, index) => ({ id: `big-${index}` }));
      const response = await allocate('order', { leads });
      const audit = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/audit?leadId=big-0',
      });

      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('too-many-leads');
      expect(audit.json().entries).toEqual([]);
    });

    it('accepts exactly 1,000 leads', async () => {
      const leads = Array.from({ length: 1000 }, (_, index) => ({ id: `k-${index}` }));
      const response = await allocate('order', { leads });

      expect(response.statusCode).toBe(200);
      expect(response.json().results).toHaveLength(1000);
    });

    it('rejects a lead that is not an object and names its index', async () => {
      const response = await allocate('order', { leads: [{ id: 'ok' }, 'nope'] });

      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('Lead 2 must be an object');
    });

    it('rejects a lead with a nested object value', async () => {
      const response = await allocate('order', { lead: { id: 'x', extra: { a: 1 } } });

      expect(response.statusCode).toBe(400);
    });

    it('answers 422 to a stored invalid rep list', async () => {
      // The sync API rejects such a list; an older server may have stored one.
      const db = server.database.db;
      const where = { workspace_id: server.workspaceId, kind: 'reps' as const, id: 'default' };
      const stored = await db
        .selectFrom('documents')
        .select(['revision', 'body'])
        .where('workspace_id', '=', where.workspace_id)
        .where('kind', '=', where.kind)
        .where('id', '=', where.id)
        .executeTakeFirstOrThrow();
      const writeReps = (revision: number, body: string | null) =>
        db
          .updateTable('documents')
          .set({ revision, body })
          .where('workspace_id', '=', where.workspace_id)
          .where('kind', '=', where.kind)
          .where('id', '=', where.id)
          .execute();

      await writeReps(
        stored.revision + 1,
        JSON.stringify([...reps, { id: 'f', name: '赵敏', capacity: { day: -1 } }]),
      );
      const rejected = await allocate('rr', { lead: { id: 'bad-reps' } });
      await writeReps(stored.revision + 2, stored.body);
      const accepted = await allocate('rr', { lead: { id: 'good-reps' } });

      expect(rejected.statusCode).toBe(422);
      expect(rejected.json().error.code).toBe('validation-failed');
      expect(rejected.json().error.issues).toContainEqual(
        expect.objectContaining({ path: 'reps[5].capacity.day' }),
      );
      expect(accepted.statusCode).toBe(200);
    });

    it('rejects a batch that names one id twice and allocates none', async () => {
      const response = await allocate('order', {
        leads: [{ id: 'twice' }, { id: 'other' }, { id: 'twice' }],
      });
      const audit = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/audit?leadId=other',
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('Leads 1 and 3 have the same id "twice"');
      expect(audit.json().entries).toEqual([]);
    });

    it('answers 415 to a JSON body sent as plain text', async () => {
      const response = await allocate('order', JSON.stringify({ lead: { id: 'plain' } }), {
        'content-type': 'text/plain',
      });

      expect(response.statusCode).toBe(415);
      expect(response.json().error.message).toContain('application/json');
    });

    it('names the line and column of malformed JSON', async () => {
      const response = await allocate('order', '{"lead": {"id": "x",}}', {
        'content-type': 'application/json',
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid-json');
      expect(response.json().error.message).toContain('line 1, column 21');
    });

    it('still rejects a __proto__ key in the body', async () => {
      const response = await allocate('order', '{"lead": {"id": "p", "__proto__": {"x": 1}}}', {
        'content-type': 'application/json',
      });

      expect(response.statusCode).toBe(400);
    });

    it('answers 404 for an unknown flow', async () => {
      const response = await allocate('missing', { lead: { id: 'x' } });

      expect(response.statusCode).toBe(404);
    });

    it('answers 409 for a flow never published', async () => {
      await server.request(server.ownerToken, {
        method: 'PUT',
        url: '/api/v1/flows/draft',
        payload: roundRobinFlow('draft', ['a']),
      });
      const response = await allocate('draft', { lead: { id: 'x' } });

      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('flow-not-published');
    });

    it('answers 403 to a token limited to another flow', async () => {
      const allowed = await allocate('rr', { lead: { id: 'lim-1' } }, {}, limitedToken);
      const denied = await allocate('order', { lead: { id: 'lim-2' } }, {}, limitedToken);

      expect(allowed.statusCode).toBe(200);
      expect(denied.statusCode).toBe(403);
    });

    it('answers 403 to a viewer token', async () => {
      const response = await allocate('rr', { lead: { id: 'v' } }, {}, viewerToken);

      expect(response.statusCode).toBe(403);
    });
  });

  describe('publishing', () => {
    it('rejects a flow with errors and lists the problems', async () => {
      const saved = await server.request(server.ownerToken, {
        method: 'PUT',
        url: '/api/v1/flows/broken',
        payload: brokenFlow('broken'),
      });
      const response = await server.request(server.ownerToken, {
        method: 'POST',
        url: '/api/v1/flows/broken/publish',
        payload: { revision: saved.json().revision },
      });

      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('flow-has-errors');
      expect(response.json().error.problems).toContainEqual(
        expect.objectContaining({ nodeId: 'rr', severity: 'error' }),
      );
    });

    it('rejects a stale revision with 412', async () => {
      const response = await server.request(server.ownerToken, {
        method: 'POST',
        url: '/api/v1/flows/rr/publish',
        payload: { revision: 99 },
      });

      expect(response.statusCode).toBe(412);
    });

    it('runs the newly published version after a republish', async () => {
      const current = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/flows/order',
      });
      const saved = await server.request(server.ownerToken, {
        method: 'PUT',
        url: '/api/v1/flows/order',
        payload: roundRobinFlow('order', ['b']),
        headers: { 'if-match': String(current.json().revision) },
      });
      const published = await server.request(server.ownerToken, {
        method: 'POST',
        url: '/api/v1/flows/order/publish',
        payload: { revision: saved.json().revision },
      });
      const response = await allocate('order', { leads: [{ id: 'R1' }, { id: 'R2' }] });
      const versions = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/flows/order/versions',
      });

      expect(published.json().version).toBe(2);
      expect(owners(response)).toEqual(['b', 'b']);
      expect(versions.json().versions.map((entry: { version: number }) => entry.version)).toEqual([
        2, 1,
      ]);
    });

    it('records the flow version in the audit log', async () => {
      const audit = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/audit?leadId=R1',
      });

      expect(audit.json().entries[0]).toMatchObject({
        flowId: 'order',
        flowVersion: 2,
        ownerId: 'b',
        reason: 'assigned',
      });
    });

    it('publishes a saved version sent with the request and keeps the current document', async () => {
      const saved = await server.request(server.ownerToken, {
        method: 'PUT',
        url: '/api/v1/flows/snapshot',
        payload: roundRobinFlow('snapshot', ['a', 'b']),
      });
      const published = await server.request(server.ownerToken, {
        method: 'POST',
        url: '/api/v1/flows/snapshot/publish',
        payload: { revision: saved.json().revision, document: roundRobinFlow('snapshot', ['d']) },
      });
      const response = await allocate('snapshot', { leads: [{ id: 'S1' }, { id: 'S2' }] });
      const current = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/flows/snapshot',
      });

      expect(published.statusCode).toBe(200);
      expect(owners(response)).toEqual(['d', 'd']);
      expect(current.json().document).toEqual(roundRobinFlow('snapshot', ['a', 'b']));
    });

    it('rejects a sent version of another flow and publishes nothing', async () => {
      const current = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/flows/snapshot',
      });
      const response = await server.request(server.ownerToken, {
        method: 'POST',
        url: '/api/v1/flows/snapshot/publish',
        payload: { revision: current.json().revision, document: roundRobinFlow('rr', ['e']) },
      });
      const versions = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/flows/snapshot/versions',
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation-failed');
      expect(response.json().error.message).toContain('"rr"');
      expect(versions.json().versions).toHaveLength(1);
    });
  });
});
