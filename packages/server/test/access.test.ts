import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, insertToken } from '../src/index.js';
import { dialects } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe.each(dialects)('access control on %s', (dialect) => {
  let server: TestServer;
  let otherWorkspace: { workspaceId: string; ownerToken: string };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    otherWorkspace = await createWorkspace(server.database, 'Other');
    for (const role of ['editor', 'viewer', 'allocate'] as const) {
      tokens[role] = (
        await insertToken(server.database.db, { workspaceId: server.workspaceId, role })
      ).token;
    }
    tokens.expired = (
      await insertToken(server.database.db, {
        workspaceId: server.workspaceId,
        role: 'owner',
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      })
    ).token;

    const flow = { format: 'sras.flow', version: 1, id: 'f1', name: 'Mine', nodes: [], edges: [] };
    const saved = await server.request(server.ownerToken, {
      method: 'PUT',
      url: '/api/v1/flows/f1',
      payload: flow,
    });
    expect(saved.statusCode).toBe(201);
  });
  afterAll(() => server.close());

  it('answers 401 token-missing without a token', async () => {
    const response = await server.request(null, { method: 'GET', url: '/api/v1/reps' });

    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'token-missing', message: expect.any(String) },
    });
  });

  it('answers 401 token-invalid for an unknown token', async () => {
    const response = await server.request('sras_notarealtoken', {
      method: 'GET',
      url: '/api/v1/reps',
    });

    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('token-invalid');
  });

  it('answers 401 token-invalid for a malformed authorization header', async () => {
    const response = await server.request(null, {
      method: 'GET',
      url: '/api/v1/reps',
      headers: { authorization: `Basic ${server.ownerToken}` },
    });

    expect(response.statusCode).toBe(401);
  });

  it('answers 401 token-expired for an expired token', async () => {
    const response = await server.request(tokens.expired!, { method: 'GET', url: '/api/v1/reps' });

    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('token-expired');
  });

  it('answers 401 for a revoked token', async () => {
    const created = await server.request(server.ownerToken, {
      method: 'POST',
      url: '/api/v1/keys',
      payload: { role: 'viewer' },
    });
    const { id, token } = created.json();
    expect((await server.request(token, { method: 'GET', url: '/api/v1/reps' })).statusCode).toBe(
      200,
    );

    const revoked = await server.request(server.ownerToken, {
      method: 'DELETE',
      url: `/api/v1/keys/${id}`,
    });
    const after = await server.request(token, { method: 'GET', url: '/api/v1/reps' });

    expect(revoked.statusCode).toBe(200);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('token-invalid');
  });

  it('answers 404 for a flow of another workspace', async () => {
    const response = await server.request(otherWorkspace.ownerToken, {
      method: 'GET',
      url: '/api/v1/flows/f1',
    });

    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not-found');
  });

  it('keeps lists and changes apart between workspaces', async () => {
    const flows = await server.request(otherWorkspace.ownerToken, {
      method: 'GET',
      url: '/api/v1/flows',
    });
    const changes = await server.request(otherWorkspace.ownerToken, {
      method: 'GET',
      url: '/api/v1/changes',
    });

    expect(flows.json().flows).toEqual([]);
    expect(changes.json().changes).toEqual([]);
  });

  it('does not let another workspace overwrite a flow with the same id', async () => {
    const flow = {
      format: 'sras.flow',
      version: 1,
      id: 'f1',
      name: 'Theirs',
      nodes: [],
      edges: [],
    };
    const written = await server.request(otherWorkspace.ownerToken, {
      method: 'PUT',
      url: '/api/v1/flows/f1',
      payload: flow,
    });
    const mine = await server.request(server.ownerToken, {
      method: 'GET',
      url: '/api/v1/flows/f1',
    });

    expect(written.statusCode).toBe(201);
    expect(mine.json().document.name).toBe('Mine');
  });

  it.each([
    ['GET', '/api/v1/reps'],
    ['PUT', '/api/v1/reps'],
    ['GET', '/api/v1/flows'],
    ['GET', '/api/v1/flows/f1'],
    ['PUT', '/api/v1/flows/f1'],
    ['GET', '/api/v1/changes'],
    ['POST', '/api/v1/keys'],
  ])('answers 403 to an allocate token on %s %s', async (method, url) => {
    const response = await server.request(tokens.allocate!, {
      method: method as 'GET',
      url,
      payload: method === 'GET' ? undefined : [],
    });

    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('lets a viewer read but not write', async () => {
    const read = await server.request(tokens.viewer!, { method: 'GET', url: '/api/v1/flows/f1' });
    const write = await server.request(tokens.viewer!, {
      method: 'PUT',
      url: '/api/v1/reps',
      payload: [],
    });

    expect(read.statusCode).toBe(200);
    expect(write.statusCode).toBe(403);
  });

  it('lets an editor write but not manage keys', async () => {
    const write = await server.request(tokens.editor!, {
      method: 'PUT',
      url: '/api/v1/teams',
      payload: [],
    });
    const keys = await server.request(tokens.editor!, {
      method: 'POST',
      url: '/api/v1/keys',
      payload: { role: 'owner' },
    });

    expect(write.statusCode).toBe(200);
    expect(keys.statusCode).toBe(403);
  });

  it('tells any valid token its workspace and role', async () => {
    const response = await server.request(tokens.allocate!, {
      method: 'GET',
      url: '/api/v1/workspace',
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: server.workspaceId,
      role: 'allocate',
      flowId: null,
    });
  });

  it('stores tokens only as hashes', async () => {
    const rows = await server.database.db.selectFrom('tokens').select('token_hash').execute();

    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(tokens)).not.toContain(row.token_hash);
    }
  });
});

describe.each(dialects)('keys on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('creates an allocate token limited to one flow', async () => {
    const response = await server.request(server.ownerToken, {
      method: 'POST',
      url: '/api/v1/keys',
      payload: { role: 'allocate', flowId: 'f1', label: 'web form' },
    });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      role: 'allocate',
      flowId: 'f1',
      token: expect.stringMatching(/^sras_/),
    });
  });

  it('rejects a flow limit on a role other than allocate', async () => {
    const response = await server.request(server.ownerToken, {
      method: 'POST',
      url: '/api/v1/keys',
      payload: { role: 'editor', flowId: 'f1' },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('flowId');
  });

  it('rejects an unknown role', async () => {
    const response = await server.request(server.ownerToken, {
      method: 'POST',
      url: '/api/v1/keys',
      payload: { role: 'admin' },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation-failed');
  });

  it('rejects an expiry in the past', async () => {
    const response = await server.request(server.ownerToken, {
      method: 'POST',
      url: '/api/v1/keys',
      payload: { role: 'viewer', expiresAt: '2000-01-01T00:00:00Z' },
    });

    expect(response.statusCode).toBe(400);
  });

  it('lists keys without their secrets', async () => {
    const response = await server.request(server.ownerToken, {
      method: 'GET',
      url: '/api/v1/keys',
    });

    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/sras_[A-Za-z0-9_-]{20,}/);
    expect(response.json().keys[0]).toMatchObject({ role: 'owner' });
  });
});

describe.each(dialects)('first-run set-up on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { withWorkspace: false });
  });
  afterAll(() => server.close());

  it('creates the first workspace and then refuses another', async () => {
    const before = await server.request(null, { method: 'GET', url: '/api/v1/setup' });
    const first = await server.request(null, {
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: '销售一部' },
    });
    const second = await server.request(null, {
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: 'Intruder' },
    });
    const after = await server.request(null, { method: 'GET', url: '/api/v1/setup' });

    expect(before.json()).toEqual({ needsWorkspace: true });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      workspaceId: expect.any(String),
      ownerToken: expect.stringMatching(/^sras_/),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('workspace-exists');
    expect(after.json()).toEqual({ needsWorkspace: false });
  });

  it('rejects an empty workspace name', async () => {
    const response = await server.request(null, {
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: '  ' },
    });

    expect(response.statusCode).toBe(400);
  });
});
