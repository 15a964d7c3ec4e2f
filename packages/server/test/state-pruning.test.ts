import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneExpiredStateRows } from '../src/allocation/state-pruning.js';
import { insertToken } from '../src/index.js';
import { roundRobinFlow } from './fixtures/flows.js';
import { dialects } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { publishFlows } from './helpers/workspace-setup.js';

const reps = [
  { id: 'a', name: '张伟', capacity: { day: 1 } },
  { id: 'b', name: '李娜', capacity: { day: 1 } },
];

describe.each(dialects)('pruneExpiredStateRows on %s', (dialect) => {
  let server: TestServer;
  let token: string;

  const scopes = async () =>
    (
      await server.database.db
        .selectFrom('allocation_state')
        .select('scope')
        .where('workspace_id', '=', server.workspaceId)
        .orderBy('scope')
        .execute()
    ).map((row) => row.scope);
  const seed = async (scope: string, key = 'n1') =>
    server.database.db
      .insertInto('allocation_state')
      .values({ workspace_id: server.workspaceId, scope, key, value: '{"a":3}' })
      .execute();
  const allocate = (phone: string) =>
    server.request(token, {
      method: 'POST',
      url: '/api/v1/flows/rr/allocate',
      payload: { lead: { id: phone, phone } },
    });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await publishFlows(server, reps, [roundRobinFlow('rr', ['a', 'b'])]);
    token = (
      await insertToken(server.database.db, { workspaceId: server.workspaceId, role: 'allocate' })
    ).token;
  });
  afterAll(() => server.close());

  it('deletes counters of periods past the retention and keeps every other row', async () => {
    await seed('assigned:2026-01-01', '*');
    await seed('assigned:2026-W01', '*');
    await seed('assigned:2025-12', '*');
    await seed('quota:rr:2026-01-02');
    await seed('quota:flow:with:colons:2026-01');
    await seed('assigned:2026-10-01', '*');
    await seed('quota:rr:2026-W40');
    await seed('assigned:total', '*');
    await seed('quota:rr:total');
    await seed('rr:old-flow');
    await seed('dedup', 'phone:13800000000');

    const removed = await pruneExpiredStateRows(
      server.database.db,
      new Date('2026-12-05T03:00:00Z'),
    );

    expect(removed).toBe(5);
    expect(await scopes()).toEqual([
      'assigned:2026-10-01',
      'assigned:total',
      'dedup',
      'quota:rr:2026-W40',
      'quota:rr:total',
      'rr:old-flow',
    ]);
  });

  it('keeps the counters of the current periods, so caps still hold after pruning', async () => {
    await server.database.db.deleteFrom('allocation_state').execute();
    const first = await allocate('13900000001');
    const second = await allocate('13900000002');
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    const before = await scopes();

    await pruneExpiredStateRows(server.database.db, new Date());

    expect(await scopes()).toEqual(before);
    const third = await allocate('13900000003');
    expect(third.json().results[0].ownerId).toBeNull();
  });
});
