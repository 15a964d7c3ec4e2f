import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../src/index.js';
import { dialects } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe.each(dialects)('audit log on %s', (dialect) => {
  let server: TestServer;
  let otherToken: string;

  const list = async (query: string) => {
    const response = await server.request(server.ownerToken, {
      method: 'GET',
      url: `/api/v1/audit?${query}`,
    });
    expect(response.statusCode).toBe(200);
    return response.json() as {
      entries: { id: number; leadId: string; ownerId: string | null; flowId: string }[];
      nextCursor: string | null;
    };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const other = await createWorkspace(server.database, 'Other');
    otherToken = other.ownerToken;

    const rows = Array.from({ length: 25 }, (_, index) => ({
      workspace_id: server.workspaceId,
      flow_id: index % 2 === 0 ? 'even' : 'odd',
      flow_version: 1,
      lead_id: `L${index}`,
      owner_id: index % 5 === 0 ? null : `r${index % 3}`,
      route: JSON.stringify(['n1:out']),
      reason: index % 5 === 0 ? 'pool' : 'assigned',
      reason_text: null,
      decided_at: new Date(Date.UTC(2026, 11, 1, 0, index)).toISOString(),
      idempotency_key: null,
      token_id: 't',
    }));
    await server.database.db.insertInto('audit_entries').values(rows).execute();
    await server.database.db
      .insertInto('audit_entries')
      .values({ ...rows[0]!, workspace_id: other.workspaceId, lead_id: 'foreign' })
      .execute();
  });
  afterAll(() => server.close());

  it('returns entries newest first', async () => {
    const { entries } = await list('limit=3');

    expect(entries.map((entry) => entry.leadId)).toEqual(['L24', 'L23', 'L22']);
  });

  it('pages through every entry once with the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.entries.map((entry) => entry.leadId));
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen).not.toContain('foreign');
  });

  it('filters by flow, owner and lead', async () => {
    expect((await list('flowId=odd')).entries).toHaveLength(12);
    expect((await list('ownerId=r1')).entries.every((entry) => entry.ownerId === 'r1')).toBe(true);
    expect((await list('leadId=L7')).entries.map((entry) => entry.leadId)).toEqual(['L7']);
  });

  it('filters by time, from inclusive and to exclusive', async () => {
    const { entries } = await list('from=2026-12-01T00:05:00Z&to=2026-12-01T08:10:00%2B08:00');

    expect(entries.map((entry) => entry.leadId)).toEqual(['L9', 'L8', 'L7', 'L6', 'L5']);
  });

  it('rejects a broken cursor', async () => {
    const response = await server.request(server.ownerToken, {
      method: 'GET',
      url: '/api/v1/audit?cursor=abc',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('cursor');
  });

  it('rejects a time that is not ISO 8601', async () => {
    const response = await server.request(server.ownerToken, {
      method: 'GET',
      url: '/api/v1/audit?from=yesterday',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('from');
  });

  it('shows another workspace only its own entries', async () => {
    const response = await server.request(otherToken, { method: 'GET', url: '/api/v1/audit' });

    expect(response.json().entries.map((entry: { leadId: string }) => entry.leadId)).toEqual([
      'foreign',
    ]);
  });
});
