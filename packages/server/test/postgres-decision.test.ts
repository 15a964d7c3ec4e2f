import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockAndLoadState, writeDecision } from '../src/allocation/postgres-decision.js';
import { postgresUrl } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const NEEDS = { flowId: 'f1', periods: ['2026-12-05', 'total'], dedupKeys: ['phone:1'] };

describe.skipIf(!postgresUrl)('allocation statements on postgres', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('postgres');
  });
  afterAll(() => server.close());

  const waitingForLock = async (): Promise<number> => {
    const { rows } = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'
        and query like '%lock_allocation_state%'`.execute(server.database.db);
    return rows[0]?.waiting ?? 0;
  };

  it('reads what the holder of the workspace lock committed while it waited', async () => {
    const holder = await server.database.db.startTransaction().execute();
    await sql`select id from workspaces where id = ${server.workspaceId} for update`.execute(
      holder,
    );
    await holder
      .insertInto('allocation_state')
      .values({ workspace_id: server.workspaceId, scope: 'dedup', key: 'phone:1', value: '"r1"' })
      .execute();

    const waiter = server.database.db
      .transaction()
      .execute((trx) => lockAndLoadState(trx, server.workspaceId, NEEDS));
    await expect.poll(waitingForLock, { timeout: 10_000 }).toBe(1);
    await holder.commit().execute();
    const state = await waiter;

    expect(state.dedup).toEqual({ 'phone:1': 'r1' });
  });

  it('writes state rows, audit entries in input order and the keyed answer in one statement', async () => {
    const decidedAt = '2026-12-05T01:00:00.000Z';
    await server.database.db.transaction().execute((trx) =>
      writeDecision(trx, {
        workspaceId: server.workspaceId,
        flowId: 'f1',
        version: 3,
        stateRows: [
          { scope: 'rr:f1', key: 'rr', value: '{"r1":1}' },
          { scope: 'dedup', key: 'phone:1', value: '"r2"' },
        ],
        lines: ['B', 'A', 'C'].map((leadId) => ({
          leadId,
          ownerId: leadId === 'C' ? null : 'r2',
          route: ['rr:r2'],
          reason: leadId === 'C' ? 'pool' : 'assigned',
          reasonText: leadId === 'C' ? 'full' : null,
        })),
        decidedAt,
        tokenId: 't1',
        idempotencyKey: 'key-1',
        answer: { requestHash: 'hash-1', response: '{"results":[]}' },
      }),
    );

    const state = await server.database.db
      .selectFrom('allocation_state')
      .select(['scope', 'key', 'value'])
      .where('workspace_id', '=', server.workspaceId)
      .orderBy('scope')
      .execute();
    const audit = await server.database.db
      .selectFrom('audit_entries')
      .select(['lead_id', 'owner_id', 'route', 'reason_text', 'flow_version', 'idempotency_key'])
      .where('workspace_id', '=', server.workspaceId)
      .orderBy('id')
      .execute();
    const answers = await server.database.db
      .selectFrom('idempotency_records')
      .select(['key', 'request_hash', 'status_code', 'response', 'created_at'])
      .execute();

    expect(state).toEqual([
      { scope: 'dedup', key: 'phone:1', value: '"r2"' },
      { scope: 'rr:f1', key: 'rr', value: '{"r1":1}' },
    ]);
    expect(audit.map((row) => row.lead_id)).toEqual(['B', 'A', 'C']);
    expect(audit[2]).toEqual({
      lead_id: 'C',
      owner_id: null,
      route: '["rr:r2"]',
      reason_text: 'full',
      flow_version: 3,
      idempotency_key: 'key-1',
    });
    expect(answers).toEqual([
      {
        key: 'key-1',
        request_hash: 'hash-1',
        status_code: 200,
        response: '{"results":[]}',
        created_at: decidedAt,
      },
    ]);
  });

  it('stores no answer for a request without a key', async () => {
    const countAnswers = async () =>
      (await server.database.db.selectFrom('idempotency_records').select('key').execute()).length;
    const before = await countAnswers();

    await server.database.db.transaction().execute((trx) =>
      writeDecision(trx, {
        workspaceId: server.workspaceId,
        flowId: 'f1',
        version: 3,
        stateRows: [],
        lines: [{ leadId: 'D', ownerId: 'r1', route: [], reason: 'assigned', reasonText: null }],
        decidedAt: '2026-12-05T02:00:00.000Z',
        tokenId: 't1',
        idempotencyKey: null,
        answer: null,
      }),
    );

    const after = await countAnswers();
    const audit = await server.database.db
      .selectFrom('audit_entries')
      .select('idempotency_key')
      .where('lead_id', '=', 'D')
      .execute();
    expect(after).toBe(before);
    expect(audit).toEqual([{ idempotency_key: null }]);
  });
});
